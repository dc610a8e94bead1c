<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Options</name>
    <message>
        <source>Operator&apos;s console for Asterisk&apos;s ARI</source>
        <translation>Bedienkonsole für Asterisks ARI</translation>
    </message>
    <message>
        <source>Start a built-in simulator with live calls and connect to it.</source>
        <translation>Einen eingebauten Simulator mit laufenden Anrufen starten und sich damit verbinden.</translation>
    </message>
    <message>
        <source>Connect to this server (http://host:8088).</source>
        <translation>Mit diesem Server verbinden (http://host:8088).</translation>
    </message>
    <message>
        <source>ARI user.</source>
        <translation>ARI-Benutzer.</translation>
    </message>
    <message>
        <source>ARI password (prefer the connection dialog).</source>
        <translation>ARI-Passwort (besser über den Verbindungsdialog).</translation>
    </message>
    <message>
        <source>Stasis application to register (repeatable).</source>
        <translation>Zu registrierende Stasis-Anwendung (mehrfach möglich).</translation>
    </message>
    <message>
        <source>User interface language (de, fr, en).</source>
        <translation>Sprache der Oberfläche (de, fr, en).</translation>
    </message>
    <message>
        <source>Save a picture of the main window to file and quit.</source>
        <translation>Ein Bild des Hauptfensters in eine Datei speichern und beenden.</translation>
    </message>
    <message>
        <source>Milliseconds to wait before the screenshot.</source>
        <translation>Wartezeit in Millisekunden vor dem Bildschirmfoto.</translation>
    </message>
    <message>
        <source>--url needs an http:// or https:// URL</source>
        <translation>--url braucht eine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>--screenshot-delay needs milliseconds</source>
        <translation>--screenshot-delay braucht Millisekunden</translation>
    </message>
    <message>
        <source>Listen for Asterisk on this port (ari.conf type=outbound_websocket); --user and --password are what Asterisk must send.</source>
        <translation>Auf diesem Port auf Asterisk warten (ari.conf type=outbound_websocket); --user und --password sind das, was Asterisk senden muss.</translation>
    </message>
    <message>
        <source>--listen needs a port number</source>
        <translation>--listen braucht eine Portnummer</translation>
    </message>
    <message>
        <source>Record the session opened by --url, --listen or --demo to this file (JSON lines).</source>
        <translation>Die mit --url, --listen oder --demo geöffnete Sitzung in dieser Datei aufzeichnen (JSON Lines).</translation>
    </message>
    <message>
        <source>Open a recorded session (.jsonl) offline.</source>
        <translation>Eine aufgezeichnete Sitzung (.jsonl) offline öffnen.</translation>
    </message>
    <message>
        <source>What --screenshot shows: main (the main window), ladder, anomalies, subscriptions, merged (every server in one tab), requests (the request log) or composer.</source>
        <translation>Was --screenshot zeigt: main (das Hauptfenster), ladder, anomalies, subscriptions, merged (alle Server in einem Tab), requests (das Anfrageprotokoll) oder composer.</translation>
    </message>
    <message>
        <source>With --demo: how many simulated servers to start and connect to (1-8).</source>
        <translation>Mit --demo: wie viele simulierte Server gestartet und verbunden werden (1-8).</translation>
    </message>
    <message>
        <source>--demo-servers needs a count from 1 to 8</source>
        <translation>--demo-servers braucht eine Anzahl von 1 bis 8</translation>
    </message>
    <message>
        <source>--screenshot-view is main, ladder, anomalies, subscriptions, merged, requests or composer</source>
        <translation>--screenshot-view ist main, ladder, anomalies, subscriptions, merged, requests oder composer</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::AnomalyModel</name>
    <message>
        <source>Repeated event</source>
        <translation>Wiederholtes Ereignis</translation>
    </message>
    <message>
        <source>Playback never finished</source>
        <translation>Wiedergabe nie beendet</translation>
    </message>
    <message>
        <source>REST error</source>
        <translation>REST-Fehler</translation>
    </message>
    <message>
        <source>Outside Stasis</source>
        <translation>Außerhalb von Stasis</translation>
    </message>
    <message>
        <source>Changed while disconnected</source>
        <translation>Während der Trennung geändert</translation>
    </message>
    <message>
        <source>%1 arrived again, identical (%2)</source>
        <translation>%1 erneut eingetroffen, identisch (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: HTTP %2</source>
        <translation>%1: HTTP %2</translation>
    </message>
    <message>
        <source>%1: HTTP %2: %3</source>
        <translation>%1: HTTP %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>no PlaybackFinished %n second(s) after it started (an unsupported media URI?)</source>
        <translation>
            <numerusform>kein PlaybackFinished %n Sekunde nach dem Start (eine nicht unterstützte Medien-URI?)</numerusform>
            <numerusform>kein PlaybackFinished %n Sekunden nach dem Start (eine nicht unterstützte Medien-URI?)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has been outside Stasis for %n second(s) (%2)</source>
        <translation>
            <numerusform>%1 ist seit %n Sekunde außerhalb von Stasis (%2)</numerusform>
            <numerusform>%1 ist seit %n Sekunden außerhalb von Stasis (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more channel(s) outside Stasis for more than %1 s</source>
        <translation>
            <numerusform>und %n weiterer Kanal seit mehr als %1 s außerhalb von Stasis</numerusform>
            <numerusform>und %n weitere Kanäle seit mehr als %1 s außerhalb von Stasis</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 appeared (%2)</source>
        <translation>%1 erschienen (%2)</translation>
    </message>
    <message>
        <source>state %1 → %2</source>
        <translation>Zustand %1 → %2</translation>
    </message>
    <message>
        <source>bridge %1 → %2</source>
        <translation>Bridge %1 → %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <translation>%1 beendet</translation>
    </message>
    <message>
        <source>bridge %1 appeared</source>
        <translation>Bridge %1 erschienen</translation>
    </message>
    <message>
        <source>bridge %1: members changed</source>
        <translation>Bridge %1: Mitglieder geändert</translation>
    </message>
    <message>
        <source>bridge %1 was destroyed</source>
        <translation>Bridge %1 wurde aufgelöst</translation>
    </message>
    <message numerus="yes">
        <source>and %n more change(s) while disconnected</source>
        <translation>
            <numerusform>und %n weitere Änderung während der Trennung</numerusform>
            <numerusform>und %n weitere Änderungen während der Trennung</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::AnomalyWindow</name>
    <message>
        <source>Anomalies — %1</source>
        <translation>Anomalien — %1</translation>
    </message>
    <message>
        <source>Repeated events, playbacks that never finish, REST errors, channels left outside Stasis and what changed while the connection was down.</source>
        <translation>Wiederholte Ereignisse, Wiedergaben, die nie enden, REST-Fehler, außerhalb von Stasis verbliebene Kanäle und was sich während der Verbindungsunterbrechung geändert hat.</translation>
    </message>
    <message>
        <source>Show &amp;ladder</source>
        <translation>&amp;Leiterdiagramm zeigen</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>Lee&amp;ren</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::BridgesModel</name>
    <message>
        <source>channel</source>
        <translation>Kanal</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n Kanal</numerusform>
            <numerusform>%n Kanäle</numerusform>
        </translation>
    </message>
    <message>
        <source>Bridge / channel</source>
        <translation>Bridge / Kanal</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>Technik</translation>
    </message>
    <message>
        <source>Members / state</source>
        <translation>Mitglieder / Zustand</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Ersteller</translation>
    </message>
    <message>
        <source>Video source</source>
        <translation>Videoquelle</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::ChannelsModel</name>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>Connected line</source>
        <translation>Verbundene Leitung</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Dialplan</source>
        <translation>Dialplan</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::CommandPalette</name>
    <message>
        <source>Type a command</source>
        <translation>Befehl eingeben</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::ComposerDialog</name>
    <message>
        <source>comma-separated %1</source>
        <translation>durch Kommas getrennt: %1</translation>
    </message>
    <message>
        <source>Compose Request — %1</source>
        <translation>Anfrage erstellen — %1</translation>
    </message>
    <message>
        <source>Find an operation (e.g. hangup, POST /bridges)</source>
        <translation>Operation suchen (z. B. hangup, POST /bridges)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send the request (%1)</source>
        <translation>Die Anfrage senden (%1)</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Als &amp;curl kopieren</translation>
    </message>
    <message>
        <source>Copy as QtAri C&amp;++</source>
        <translation>Als QtAri C&amp;++ kopieren</translation>
    </message>
    <message>
        <source>The answer shows here</source>
        <translation>Die Antwort erscheint hier</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>comma-separated: %1</source>
        <translation>durch Kommas getrennt: %1</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>query</source>
        <translation>Query</translation>
    </message>
    <message>
        <source>Since Asterisk %1</source>
        <translation>Seit Asterisk %1</translation>
    </message>
    <message>
        <source>This operation takes no parameters.</source>
        <translation>Diese Operation hat keine Parameter.</translation>
    </message>
    <message>
        <source>This opens the event WebSocket, which the client does itself; sending it as a REST request gets no events.</source>
        <translation>Dies öffnet den Ereignis-WebSocket, was der Client selbst erledigt; als REST-Anfrage gesendet, liefert es keine Ereignisse.</translation>
    </message>
    <message>
        <source>Choose an operation</source>
        <translation>Eine Operation auswählen</translation>
    </message>
    <message>
        <source>parameter %1</source>
        <translation>Parameter %1</translation>
    </message>
    <message>
        <source>⚠ %1 needs Asterisk %2, the server runs %3</source>
        <translation>⚠ %1 braucht Asterisk %2, auf dem Server läuft %3</translation>
    </message>
    <message>
        <source>the server runs %1</source>
        <translation>auf dem Server läuft %1</translation>
    </message>
    <message>
        <source>The server&apos;s tab was closed; open the composer from another one</source>
        <translation>Der Tab des Servers wurde geschlossen; den Anfrage-Editor aus einem anderen öffnen</translation>
    </message>
    <message>
        <source>Waiting for the answer…</source>
        <translation>Warte auf die Antwort…</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::ConnectionDialog</name>
    <message>
        <source>Connect to an Asterisk server</source>
        <translation>Mit einem Asterisk-Server verbinden</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>Server-URL:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Store the password unencrypted in the settings file</source>
        <translation>Passwort unverschlüsselt in der Einstellungsdatei speichern</translation>
    </message>
    <message>
        <source>comma-separated, e.g. qtari-inspector</source>
        <translation>durch Kommas getrennt, z. B. qtari-inspector</translation>
    </message>
    <message>
        <source>Applications:</source>
        <translation>Anwendungen:</translation>
    </message>
    <message>
        <source>Receive all events of the server (subscribeAll)</source>
        <translation>Alle Ereignisse des Servers empfangen (subscribeAll)</translation>
    </message>
    <message>
        <source>Verify the server&apos;s TLS certificate</source>
        <translation>TLS-Zertifikat des Servers prüfen</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>extra CA certificate (PEM), optional</source>
        <translation>zusätzliches CA-Zertifikat (PEM), optional</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA-Datei:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems merken</translation>
    </message>
    <message>
        <source>No keychain available: the password is asked each time</source>
        <translation>Kein Schlüsselbund verfügbar: Das Passwort wird jedes Mal abgefragt</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Profilname:</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>The server URL must start with http:// or https://</source>
        <translation>Die Server-URL muss mit http:// oder https:// beginnen</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>The server refused: %1 (HTTP %2)</source>
        <translation>Der Server hat abgelehnt: %1 (HTTP %2)</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Listen for Asterisk on port</source>
        <translation>Auf Asterisk warten an Port</translation>
    </message>
    <message>
        <source>Asterisk connects to the Inspector (outbound WebSocket); the user and password below are what Asterisk must send</source>
        <translation>Asterisk verbindet sich mit dem Inspector (ausgehender WebSocket); Benutzer und Passwort unten sind das, was Asterisk senden muss</translation>
    </message>
    <message>
        <source>Auto (over the event socket where Asterisk has it)</source>
        <translation>Automatisch (über den Ereignis-Socket, wo Asterisk ihn bietet)</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>REST:</source>
        <translation>REST:</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::CreateBridgeDialog</name>
    <message>
        <source>Create bridge</source>
        <translation>Bridge anlegen</translation>
    </message>
    <message>
        <source>Mixing</source>
        <translation>Mischend</translation>
    </message>
    <message>
        <source>Holding</source>
        <translation>Haltend</translation>
    </message>
    <message>
        <source>Mixing, DTMF events</source>
        <translation>Mischend, DTMF-Ereignisse</translation>
    </message>
    <message>
        <source>Mixing, proxy media</source>
        <translation>Mischend, Medien-Proxy</translation>
    </message>
    <message>
        <source>Video SFU</source>
        <translation>Video-SFU</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::Demo</name>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Demo %1</source>
        <translation>Demo %1</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::DetailsWidget</name>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Channel variable, e.g. CALLERID(num)</source>
        <translation>Kanalvariable, z. B. CALLERID(num)</translation>
    </message>
    <message>
        <source>Get</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Details&lt;/b&gt; — select a channel or a bridge</source>
        <translation>&lt;b&gt;Details&lt;/b&gt; – einen Kanal oder eine Bridge auswählen</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <source>(none reported; ask for one below)</source>
        <translation>(keine gemeldet; unten eine abfragen)</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::DtmfDialog</name>
    <message>
        <source>Send DTMF</source>
        <translation>DTMF senden</translation>
    </message>
    <message>
        <source>e.g. 123#</source>
        <translation>z. B. 123#</translation>
    </message>
    <message>
        <source>Digits:</source>
        <translation>Ziffern:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::EventLogWidget</name>
    <message>
        <source>&lt;b&gt;Event log&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ereignisprotokoll&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop adding events to the log (they are kept and shown on resume)</source>
        <translation>Keine Ereignisse mehr ins Protokoll aufnehmen (sie werden aufbewahrt und beim Fortsetzen gezeigt)</translation>
    </message>
    <message>
        <source>All event types</source>
        <translation>Alle Ereignistypen</translation>
    </message>
    <message>
        <source>Channel, bridge or playback id</source>
        <translation>Kanal-, Bridge- oder Wiedergabe-ID</translation>
    </message>
    <message>
        <source>Search text in events</source>
        <translation>Text in Ereignissen suchen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Select an event to see its JSON</source>
        <translation>Ein Ereignis auswählen, um sein JSON zu sehen</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 angezeigt</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 wartend</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::EventTypesModel</name>
    <message>
        <source>Not in the ARI description QtAri knows</source>
        <translation>Nicht in der ARI-Beschreibung, die QtAri kennt</translation>
    </message>
    <message>
        <source>Kept in the event log, the call ladder and recordings</source>
        <translation>Wird im Ereignisprotokoll, im Leiterdiagramm und in Aufzeichnungen behalten</translation>
    </message>
    <message>
        <source>Shown in the event log</source>
        <translation>Wird im Ereignisprotokoll angezeigt</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::HangupDialog</name>
    <message>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message numerus="yes">
        <source>Hang up %n channel(s) with the cause:</source>
        <translation>
            <numerusform>%n Kanal auflegen mit der Ursache:</numerusform>
            <numerusform>%n Kanäle auflegen mit der Ursache:</numerusform>
        </translation>
    </message>
    <message>
        <source>Normal clearing (16)</source>
        <translation>Normales Auslösen (16)</translation>
    </message>
    <message>
        <source>User busy (17)</source>
        <translation>Teilnehmer besetzt (17)</translation>
    </message>
    <message>
        <source>No answer (19)</source>
        <translation>Keine Antwort (19)</translation>
    </message>
    <message>
        <source>Congestion (34)</source>
        <translation>Überlastung (34)</translation>
    </message>
    <message>
        <source>Answered elsewhere (26)</source>
        <translation>Anderswo angenommen (26)</translation>
    </message>
    <message>
        <source>Call rejected (21)</source>
        <translation>Anruf abgewiesen (21)</translation>
    </message>
    <message>
        <source>Unallocated number (1)</source>
        <translation>Nicht vergebene Nummer (1)</translation>
    </message>
    <message>
        <source>No route to destination (3)</source>
        <translation>Keine Route zum Ziel (3)</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>Ursache:</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::LadderModel</name>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Bridge %1</source>
        <translation>Bridge %1</translation>
    </message>
    <message>
        <source>Bridge %1 (%2)</source>
        <translation>Bridge %1 (%2)</translation>
    </message>
    <message>
        <source>Playback %1</source>
        <translation>Wiedergabe %1</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>Aufnahme %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Delta</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::LadderWindow</name>
    <message>
        <source>App %1</source>
        <translation>App %1</translation>
    </message>
    <message>
        <source>&amp;Follow the call&apos;s legs</source>
        <translation>Anruf&amp;zweigen folgen</translation>
    </message>
    <message>
        <source>Show every leg of the call: Local halves, dialled peers, bridge partners, snoops and transfers</source>
        <translation>Jeden Zweig des Anrufs zeigen: Local-Hälften, angewählte Gegenstellen, Bridge-Partner, Snoops und Weiterleitungen</translation>
    </message>
    <message>
        <source>Export &amp;SVG…</source>
        <translation>Als &amp;SVG exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>Als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;text…</source>
        <translation>Als &amp;Text exportieren…</translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation>Als Text &amp;kopieren</translation>
    </message>
    <message>
        <source>Click a row to see its JSON; deltas are then measured from it.</source>
        <translation>Eine Zeile anklicken, um ihr JSON zu sehen; Deltas werden dann ab ihr gemessen.</translation>
    </message>
    <message>
        <source>Call ladder — %1 — %2</source>
        <translation>Leiterdiagramm — %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n Kanal</numerusform>
            <numerusform>%n Kanäle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bridge(s)</source>
        <translation>
            <numerusform>%n Bridge</numerusform>
            <numerusform>%n Bridges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>could not write the image</source>
        <translation>das Bild konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>PNG images, 500 rows from the selected one (*.png)</source>
        <translation>PNG-Bilder, 500 Zeilen ab der ausgewählten (*.png)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Export the call ladder</source>
        <translation>Das Leiterdiagramm exportieren</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::MainWindow</name>
    <message>
        <source>QtAri Inspector</source>
        <translation>QtAri Inspector</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Close &amp;tab</source>
        <translation>&amp;Tab schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Hang up</source>
        <translation>&amp;Auflegen</translation>
    </message>
    <message>
        <source>Hang up with &amp;cause…</source>
        <translation>Auflegen mit &amp;Ursache…</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>A&amp;nnehmen</translation>
    </message>
    <message>
        <source>&amp;Ring</source>
        <translation>&amp;Klingeln</translation>
    </message>
    <message>
        <source>Stop r&amp;inging</source>
        <translation>Klingeln &amp;beenden</translation>
    </message>
    <message>
        <source>H&amp;old</source>
        <translation>&amp;Halten</translation>
    </message>
    <message>
        <source>U&amp;nhold</source>
        <translation>Halten be&amp;enden</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>&amp;Stummschalten</translation>
    </message>
    <message>
        <source>Unm&amp;ute</source>
        <translation>Stummschaltung a&amp;ufheben</translation>
    </message>
    <message>
        <source>Send &amp;DTMF…</source>
        <translation>&amp;DTMF senden…</translation>
    </message>
    <message>
        <source>&amp;Originate…</source>
        <translation>Anruf &amp;starten…</translation>
    </message>
    <message>
        <source>&amp;Create bridge…</source>
        <translation>Bridge &amp;anlegen…</translation>
    </message>
    <message>
        <source>&amp;Bridge selected channels</source>
        <translation>Ausgewählte Kanäle &amp;verbinden</translation>
    </message>
    <message>
        <source>&amp;Destroy bridge</source>
        <translation>Bridge auf&amp;lösen</translation>
    </message>
    <message>
        <source>&amp;Remove from bridge</source>
        <translation>Aus Bridge &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Add to bridge</source>
        <translation>Zu Bridge &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Play media…</source>
        <translation>Medien ab&amp;spielen…</translation>
    </message>
    <message>
        <source>&amp;Stop playback</source>
        <translation>Wiedergabe &amp;stoppen</translation>
    </message>
    <message>
        <source>P&amp;ause playback</source>
        <translation>Wiedergabe &amp;pausieren</translation>
    </message>
    <message>
        <source>R&amp;esume playback</source>
        <translation>Wiedergabe &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Start music on &amp;hold</source>
        <translation>&amp;Wartemusik starten</translation>
    </message>
    <message>
        <source>Stop music on h&amp;old</source>
        <translation>Wartemusik b&amp;eenden</translation>
    </message>
    <message>
        <source>Start &amp;recording…</source>
        <translation>&amp;Aufnahme starten…</translation>
    </message>
    <message>
        <source>S&amp;top recording</source>
        <translation>Aufnahme s&amp;toppen</translation>
    </message>
    <message>
        <source>&amp;Pause event log</source>
        <translation>Ereignisprotokoll an&amp;halten</translation>
    </message>
    <message>
        <source>&amp;Clear event log</source>
        <translation>Ereignisprotokoll &amp;leeren</translation>
    </message>
    <message>
        <source>Show &amp;events of the selection</source>
        <translation>&amp;Ereignisse der Auswahl zeigen</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Kanal</translation>
    </message>
    <message>
        <source>&amp;Bridge</source>
        <translation>&amp;Bridge</translation>
    </message>
    <message>
        <source>&amp;Media</source>
        <translation>&amp;Medien</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Verbindung zu %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Reconnect attempts: %1</source>
        <translation>Neuverbindungsversuche: %1</translation>
    </message>
    <message>
        <source>Asterisk %1</source>
        <translation>Asterisk %1</translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation>%1 Ereignisse/s</translation>
    </message>
    <message>
        <source>%1 channels, %2 bridges</source>
        <translation>%1 Kanäle, %2 Bridges</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Select one or more channels first</source>
        <translation>Zuerst einen oder mehrere Kanäle auswählen</translation>
    </message>
    <message>
        <source>(no bridges)</source>
        <translation>(keine Bridges)</translation>
    </message>
    <message>
        <source>Select a bridge first</source>
        <translation>Zuerst eine Bridge auswählen</translation>
    </message>
    <message>
        <source>Select a channel or a bridge first</source>
        <translation>Zuerst einen Kanal oder eine Bridge auswählen</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n Objekt</numerusform>
            <numerusform>%n Objekte</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is playing on the selection</source>
        <translation>Auf der Auswahl wird nichts abgespielt</translation>
    </message>
    <message>
        <source>Select one channel or bridge to record</source>
        <translation>Einen Kanal oder eine Bridge zum Aufnehmen auswählen</translation>
    </message>
    <message>
        <source>Nothing is being recorded on the selection</source>
        <translation>Auf der Auswahl wird nichts aufgenommen</translation>
    </message>
    <message>
        <source>About QtAri Inspector</source>
        <translation>Über QtAri Inspector</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;QtAri Inspector&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;An operator&apos;s console for Asterisk&apos;s REST Interface, built on the QtAri library.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;QtAri Inspector&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Eine Bedienkonsole für Asterisks REST-Schnittstelle, gebaut auf der QtAri-Bibliothek.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What looks wrong in this session (F9)</source>
        <translation>Was in dieser Sitzung falsch aussieht (F9)</translation>
    </message>
    <message>
        <source>Call &amp;ladder</source>
        <translation>&amp;Leiterdiagramm</translation>
    </message>
    <message>
        <source>&amp;Anomalies…</source>
        <translation>&amp;Anomalien…</translation>
    </message>
    <message>
        <source>Event &amp;types and subscriptions…</source>
        <translation>Ereignis&amp;typen und Abonnements…</translation>
    </message>
    <message>
        <source>Compose &amp;Request…</source>
        <translation>Anfrage &amp;erstellen…</translation>
    </message>
    <message>
        <source>Show the re&amp;quest log</source>
        <translation>Anf&amp;ragenprotokoll zeigen</translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation>&amp;Befehlspalette…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message numerus="yes">
        <source>%n anomaly(s)</source>
        <translation>
            <numerusform>%n Anomalie</numerusform>
            <numerusform>%n Anomalien</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Record Session…</source>
        <translation>Sitzung au&amp;fzeichnen…</translation>
    </message>
    <message>
        <source>Record every event and REST exchange of this tab to a file</source>
        <translation>Jedes Ereignis und jeden REST-Austausch dieses Tabs in einer Datei aufzeichnen</translation>
    </message>
    <message>
        <source>&amp;Open Recording…</source>
        <translation>Aufzeichnung &amp;öffnen…</translation>
    </message>
    <message>
        <source>Recording stopped</source>
        <translation>Aufzeichnung gestoppt</translation>
    </message>
    <message>
        <source>Stop &amp;Recording</source>
        <translation>Aufzeichnung &amp;stoppen</translation>
    </message>
    <message numerus="yes">
        <source>● Recording to %1 (%n event(s))</source>
        <translation>
            <numerusform>● Aufzeichnung nach %1 (%n Ereignis)</numerusform>
            <numerusform>● Aufzeichnung nach %1 (%n Ereignisse)</numerusform>
        </translation>
    </message>
    <message>
        <source>Record Session</source>
        <translation>Sitzung aufzeichnen</translation>
    </message>
    <message>
        <source>Open a server tab to record first.</source>
        <translation>Zuerst einen Server-Tab zum Aufzeichnen öffnen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>Aufzeichnung nach %1</translation>
    </message>
    <message>
        <source>Recordings (*.jsonl);;All files (*)</source>
        <translation>Aufzeichnungen (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation>Aufzeichnung öffnen</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Replay into Simulator</source>
        <translation>Im Simulator abspielen</translation>
    </message>
    <message>
        <source>The simulator cannot listen.</source>
        <translation>Der Simulator kann nicht lauschen.</translation>
    </message>
    <message>
        <source>Replay of %1</source>
        <translation>Wiedergabe von %1</translation>
    </message>
    <message>
        <source>All &amp;Servers</source>
        <translation>Alle &amp;Server</translation>
    </message>
    <message>
        <source>Every server&apos;s channels and bridges in one tab, tagged by colour</source>
        <translation>Kanäle und Bridges aller Server in einem Tab, farbig nach Server markiert</translation>
    </message>
    <message>
        <source>All Servers</source>
        <translation>Alle Server</translation>
    </message>
    <message>
        <source>The channels and bridges of every server, tagged by colour</source>
        <translation>Die Kanäle und Bridges aller Server, farbig nach Server markiert</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n Server</numerusform>
            <numerusform>%n Server</numerusform>
        </translation>
    </message>
    <message>
        <source>Select channels of one server: actions act on one server at a time</source>
        <translation>Kanäle eines einzigen Servers auswählen: Aktionen wirken immer nur auf einen Server</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::MergedModel</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::MergedView</name>
    <message>
        <source>Filter channels and bridges of every server</source>
        <translation>Kanäle und Bridges aller Server filtern</translation>
    </message>
    <message>
        <source>Select a channel or a bridge to see it here.</source>
        <translation>Einen Kanal oder eine Bridge auswählen, um sie hier zu sehen.</translation>
    </message>
    <message>
        <source>Bridges</source>
        <translation>Bridges</translation>
    </message>
    <message>
        <source>Channels of every server</source>
        <translation>Kanäle aller Server</translation>
    </message>
    <message numerus="yes">
        <source>The selection holds rows of %n server(s): actions act on one server at a time, so select rows of one server.</source>
        <translation>
            <numerusform>Die Auswahl enthält Zeilen von %n Server: Aktionen wirken immer nur auf einen Server, also Zeilen eines einzigen Servers auswählen.</numerusform>
            <numerusform>Die Auswahl enthält Zeilen von %n Servern: Aktionen wirken immer nur auf einen Server, also Zeilen eines einzigen Servers auswählen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s). Actions act on the server of the selected rows; select a row to originate or create a bridge on its server.</source>
        <translation>
            <numerusform>%n Server. Aktionen wirken auf den Server der ausgewählten Zeilen; eine Zeile auswählen, um auf ihrem Server anzurufen oder eine Bridge anzulegen.</numerusform>
            <numerusform>%n Server. Aktionen wirken auf den Server der ausgewählten Zeilen; eine Zeile auswählen, um auf ihrem Server anzurufen oder eine Bridge anzulegen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::OperationCatalog</name>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>“%1” is not a whole number</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 is too large</source>
        <translation>%1 ist zu groß</translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation>muss mindestens %1 sein</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>darf höchstens %1 sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>“%1” is not one of %2</source>
        <translation>„%1“ ist keiner der Werte %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::OriginateDialog</name>
    <message>
        <source>Originate</source>
        <translation>Anruf starten</translation>
    </message>
    <message>
        <source>e.g. PJSIP/1000</source>
        <translation>z. B. PJSIP/1000</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpunkt:</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>Anwendung:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Argumente:</translation>
    </message>
    <message>
        <source>e.g. &quot;Operator&quot; &lt;100&gt;</source>
        <translation>z. B. &quot;Vermittlung&quot; &lt;100&gt;</translation>
    </message>
    <message>
        <source>Caller ID:</source>
        <translation>Anrufer-ID:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Zeitlimit:</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::PlayMediaDialog</name>
    <message>
        <source>Play media</source>
        <translation>Medien abspielen</translation>
    </message>
    <message>
        <source>Play on %1:</source>
        <translation>Abspielen auf %1:</translation>
    </message>
    <message>
        <source>Filter sounds</source>
        <translation>Klänge filtern</translation>
    </message>
    <message>
        <source>Loading the server&apos;s sounds…</source>
        <translation>Lade die Klänge des Servers…</translation>
    </message>
    <message>
        <source>sound:hello-world, tone:ring, recording:name …</source>
        <translation>sound:hello-world, tone:ring, recording:name …</translation>
    </message>
    <message>
        <source>Media URI:</source>
        <translation>Medien-URI:</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message numerus="yes">
        <source>%n sound(s) on the server</source>
        <translation>
            <numerusform>%n Klang auf dem Server</numerusform>
            <numerusform>%n Klänge auf dem Server</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load the sounds: %1</source>
        <translation>Die Klänge konnten nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::RecordDialog</name>
    <message>
        <source>Start recording</source>
        <translation>Aufnahme starten</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Maximum duration:</source>
        <translation>Höchstdauer:</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Aufnehmen</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::Recorder</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::RecordingModel</name>
    <message>
        <source>%1: no answer (%2: %3)</source>
        <translation>%1: keine Antwort (%2: %3)</translation>
    </message>
    <message>
        <source>(malformed)</source>
        <translation>(fehlerhaft)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::RecordingTimeline</name>
    <message>
        <source>the simulator cannot listen on 127.0.0.1</source>
        <translation>der Simulator kann nicht auf 127.0.0.1 lauschen</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::RecordingView</name>
    <message>
        <source>Find in recording (Enter: next)</source>
        <translation>In der Aufzeichnung suchen (Enter: weiter)</translation>
    </message>
    <message>
        <source>Text the line&apos;s JSON contains, e.g. an id or &quot;ChannelDestroyed&quot;</source>
        <translation>Text, den das JSON der Zeile enthält, z. B. eine ID oder &quot;ChannelDestroyed&quot;</translation>
    </message>
    <message>
        <source>Replay into Simulator</source>
        <translation>Im Simulator abspielen</translation>
    </message>
    <message>
        <source>Start a local simulator that replays this recording at its own pace, and open a live tab connected to it</source>
        <translation>Einen lokalen Simulator starten, der diese Aufzeichnung in ihrem eigenen Tempo abspielt, und einen damit verbundenen Live-Tab öffnen</translation>
    </message>
    <message>
        <source>How fast Replay into Simulator goes</source>
        <translation>Wie schnell „Im Simulator abspielen“ läuft</translation>
    </message>
    <message>
        <source>as recorded</source>
        <translation>wie aufgezeichnet</translation>
    </message>
    <message>
        <source>%1× faster</source>
        <translation>%1× schneller</translation>
    </message>
    <message>
        <source>half speed</source>
        <translation>halbe Geschwindigkeit</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>so schnell wie möglich</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n line(s)</source>
        <translation>
            <numerusform>%1: %n Zeile</numerusform>
            <numerusform>%1: %n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n malformed line(s) skipped</source>
        <translation>
            <numerusform>%n fehlerhafte Zeile übersprungen</numerusform>
            <numerusform>%n fehlerhafte Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>recorded from %1</source>
        <translation>aufgezeichnet von %1</translation>
    </message>
    <message>
        <source>No tables: %1</source>
        <translation>Keine Tabellen: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the recording</source>
        <translation>&quot;%1&quot; ist nicht in der Aufzeichnung</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
    <message>
        <source>Tables: before the first line</source>
        <translation>Tabellen: vor der ersten Zeile</translation>
    </message>
    <message>
        <source>Tables as of line %1 (%2)</source>
        <translation>Tabellen ab Zeile %1 (%2)</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::RequestLogModel</name>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Sent by the client itself (connect check, listing, subscription)</source>
        <translation>Vom Client selbst gesendet (Verbindungsprüfung, Auflistung, Abonnement)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::RequestLogWidget</name>
    <message>
        <source>Operation: %1</source>
        <translation>Operation: %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 after %2: %3</source>
        <translation>%1 nach %2: %3</translation>
    </message>
    <message>
        <source>Hide the client&apos;s own requests</source>
        <translation>Eigene Anfragen des Clients ausblenden</translation>
    </message>
    <message>
        <source>Hide connect checks, listings and subscriptions the client sends by itself</source>
        <translation>Verbindungsprüfungen, Auflistungen und Abonnements ausblenden, die der Client selbst sendet</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Select a request to see it and its answer</source>
        <translation>Eine Anfrage auswählen, um sie und ihre Antwort zu sehen</translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>&amp;Edit in Composer…</source>
        <translation>Im Anfrage-Editor &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Als &amp;curl kopieren</translation>
    </message>
    <message>
        <source>Copy as QtAri C&amp;++</source>
        <translation>Als QtAri C&amp;++ kopieren</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n Anfrage</numerusform>
            <numerusform>%n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent %1 over %2%3</source>
        <translation>%1 gesendet über %2%3</translation>
    </message>
    <message>
        <source>the event WebSocket</source>
        <translation>den Ereignis-WebSocket</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>, by the client itself</source>
        <translation>, vom Client selbst</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::ServerView</name>
    <message>
        <source>Filter channels</source>
        <translation>Kanäle filtern</translation>
    </message>
    <message>
        <source>Drop channels here to bridge them</source>
        <translation>Kanäle hier ablegen, um sie zu verbinden</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Bridges</source>
        <translation>Bridges</translation>
    </message>
    <message>
        <source>In Stasis only</source>
        <translation>Nur in Stasis</translation>
    </message>
    <message>
        <source>Show only the channels that are in a Stasis application</source>
        <translation>Nur die Kanäle zeigen, die in einer Stasis-Anwendung sind</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::Session</name>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnecting (attempt %1)</source>
        <translation>Verbinde neu (Versuch %1)</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>Klingeln</translation>
    </message>
    <message>
        <source>Stop ringing</source>
        <translation>Klingeln beenden</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Unhold</source>
        <translation>Halten beenden</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stummschalten</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Stummschaltung aufheben</translation>
    </message>
    <message>
        <source>Send DTMF</source>
        <translation>DTMF senden</translation>
    </message>
    <message>
        <source>Originate</source>
        <translation>Anruf starten</translation>
    </message>
    <message>
        <source>Create bridge</source>
        <translation>Bridge anlegen</translation>
    </message>
    <message>
        <source>Destroy bridge</source>
        <translation>Bridge auflösen</translation>
    </message>
    <message>
        <source>Add to bridge</source>
        <translation>Zu Bridge hinzufügen</translation>
    </message>
    <message>
        <source>Remove from bridge</source>
        <translation>Aus Bridge entfernen</translation>
    </message>
    <message>
        <source>Play media</source>
        <translation>Medien abspielen</translation>
    </message>
    <message>
        <source>Stop playback</source>
        <translation>Wiedergabe stoppen</translation>
    </message>
    <message>
        <source>Pause playback</source>
        <translation>Wiedergabe pausieren</translation>
    </message>
    <message>
        <source>Resume playback</source>
        <translation>Wiedergabe fortsetzen</translation>
    </message>
    <message>
        <source>Start music on hold</source>
        <translation>Wartemusik starten</translation>
    </message>
    <message>
        <source>Stop music on hold</source>
        <translation>Wartemusik beenden</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>Aufnahme starten</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Aufnahme stoppen</translation>
    </message>
    <message>
        <source>listening on port %1</source>
        <translation>wartet an Port %1</translation>
    </message>
    <message>
        <source>cannot listen on port %1: %2</source>
        <translation>kann nicht an Port %1 warten: %2</translation>
    </message>
    <message>
        <source>Waiting for Asterisk on port %1…</source>
        <translation>Warte auf Asterisk an Port %1…</translation>
    </message>
    <message>
        <source>Waiting for Asterisk to connect again</source>
        <translation>Warte, bis Asterisk sich wieder verbindet</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::SubscriptionsWindow</name>
    <message>
        <source>Event types and subscriptions — %1</source>
        <translation>Ereignistypen und Abonnements — %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Event types&lt;/b&gt; — capture keeps them in the log, the ladder and recordings; show filters the event log</source>
        <translation>&lt;b&gt;Ereignistypen&lt;/b&gt; — Erfassen behält sie im Protokoll, im Leiterdiagramm und in Aufzeichnungen; Zeigen filtert das Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Subscribed to</source>
        <translation>Abonniert</translation>
    </message>
    <message>
        <source>channel:ID, bridge:ID, endpoint:PJSIP/1000, deviceState:NAME</source>
        <translation>channel:ID, bridge:ID, endpoint:PJSIP/1000, deviceState:NAME</translation>
    </message>
    <message>
        <source>&amp;Subscribe</source>
        <translation>&amp;Abonnieren</translation>
    </message>
    <message>
        <source>&amp;Unsubscribe selected</source>
        <translation>Auswahl a&amp;bbestellen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>every type (comma-separated to allow only some)</source>
        <translation>jeder Typ (durch Kommas getrennt, um nur einige zuzulassen)</translation>
    </message>
    <message>
        <source>none (comma-separated types to drop)</source>
        <translation>keine (durch Kommas getrennte Typen, die verworfen werden)</translation>
    </message>
    <message>
        <source>&amp;Apply event filter</source>
        <translation>&amp;Ereignisfilter anwenden</translation>
    </message>
    <message>
        <source>This session uses subscribeAll: its applications hear of every channel, bridge and endpoint whatever they are subscribed to. The event filter still applies.</source>
        <translation>Diese Sitzung verwendet subscribeAll: Ihre Anwendungen erfahren von jedem Kanal, jeder Bridge und jedem Endpunkt, unabhängig davon, was sie abonniert haben. Der Ereignisfilter gilt trotzdem.</translation>
    </message>
    <message>
        <source>An event reaches an application when the application is subscribed to an object it names (a channel in its Stasis is) and the event filter lets its type through.</source>
        <translation>Ein Ereignis erreicht eine Anwendung, wenn die Anwendung ein darin genanntes Objekt abonniert hat (ein Kanal in ihrem Stasis ist es) und der Ereignisfilter seinen Typ durchlässt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Application&lt;/b&gt;</source>
        <translation>&lt;b&gt;Anwendung&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Allowed types:</source>
        <translation>Erlaubte Typen:</translation>
    </message>
    <message>
        <source>Disallowed types:</source>
        <translation>Nicht erlaubte Typen:</translation>
    </message>
    <message>
        <source>Channels (%1)</source>
        <translation>Kanäle (%1)</translation>
    </message>
    <message>
        <source>Bridges (%1)</source>
        <translation>Bridges (%1)</translation>
    </message>
    <message>
        <source>Endpoints (%1)</source>
        <translation>Endpunkte (%1)</translation>
    </message>
    <message>
        <source>Device states (%1)</source>
        <translation>Gerätezustände (%1)</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Reading the application</source>
        <translation>Anwendung lesen</translation>
    </message>
    <message>
        <source>Subscribed.</source>
        <translation>Abonniert.</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>Abonnieren</translation>
    </message>
    <message>
        <source>Unsubscribed.</source>
        <translation>Abbestellt.</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Abbestellen</translation>
    </message>
    <message>
        <source>Event filter set.</source>
        <translation>Ereignisfilter gesetzt.</translation>
    </message>
    <message>
        <source>Setting the event filter</source>
        <translation>Ereignisfilter setzen</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::Traffic</name>
    <message numerus="yes">
        <source> … (%n bytes)</source>
        <translation>
            <numerusform> … (%n Byte)</numerusform>
            <numerusform> … (%n Bytes)</numerusform>
        </translation>
    </message>
</context>
</TS>
