<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Options</name>
    <message>
        <source>Operator&apos;s console for Asterisk&apos;s ARI</source>
        <translation>Console d&apos;opérateur pour l&apos;ARI d&apos;Asterisk</translation>
    </message>
    <message>
        <source>Start a built-in simulator with live calls and connect to it.</source>
        <translation>Démarrer un simulateur intégré avec des appels en cours et s&apos;y connecter.</translation>
    </message>
    <message>
        <source>Connect to this server (http://host:8088).</source>
        <translation>Se connecter à ce serveur (http://hôte:8088).</translation>
    </message>
    <message>
        <source>ARI user.</source>
        <translation>Utilisateur ARI.</translation>
    </message>
    <message>
        <source>ARI password (prefer the connection dialog).</source>
        <translation>Mot de passe ARI (préférez la boîte de connexion).</translation>
    </message>
    <message>
        <source>Stasis application to register (repeatable).</source>
        <translation>Application Stasis à enregistrer (répétable).</translation>
    </message>
    <message>
        <source>User interface language (de, fr, en).</source>
        <translation>Langue de l&apos;interface (de, fr, en).</translation>
    </message>
    <message>
        <source>Save a picture of the main window to file and quit.</source>
        <translation>Enregistrer une image de la fenêtre principale dans un fichier et quitter.</translation>
    </message>
    <message>
        <source>Milliseconds to wait before the screenshot.</source>
        <translation>Millisecondes d&apos;attente avant la capture d&apos;écran.</translation>
    </message>
    <message>
        <source>--url needs an http:// or https:// URL</source>
        <translation>--url attend une URL http:// ou https://</translation>
    </message>
    <message>
        <source>--screenshot-delay needs milliseconds</source>
        <translation>--screenshot-delay attend des millisecondes</translation>
    </message>
    <message>
        <source>Listen for Asterisk on this port (ari.conf type=outbound_websocket); --user and --password are what Asterisk must send.</source>
        <translation>Attendre Asterisk sur ce port (ari.conf type=outbound_websocket) ; --user et --password sont ce qu&apos;Asterisk doit envoyer.</translation>
    </message>
    <message>
        <source>--listen needs a port number</source>
        <translation>--listen demande un numéro de port</translation>
    </message>
    <message>
        <source>Record the session opened by --url, --listen or --demo to this file (JSON lines).</source>
        <translation>Enregistrer la session ouverte par --url, --listen ou --demo dans ce fichier (lignes JSON).</translation>
    </message>
    <message>
        <source>Open a recorded session (.jsonl) offline.</source>
        <translation>Ouvrir une session enregistrée (.jsonl) hors ligne.</translation>
    </message>
    <message>
        <source>What --screenshot shows: main (the main window), ladder, anomalies, subscriptions, merged (every server in one tab), requests (the request log) or composer.</source>
        <translation>Ce que montre --screenshot : main (la fenêtre principale), ladder, anomalies, subscriptions, merged (tous les serveurs dans un onglet), requests (le journal des requêtes) ou composer.</translation>
    </message>
    <message>
        <source>With --demo: how many simulated servers to start and connect to (1-8).</source>
        <translation>Avec --demo : combien de serveurs simulés démarrer et connecter (1-8).</translation>
    </message>
    <message>
        <source>--demo-servers needs a count from 1 to 8</source>
        <translation>--demo-servers attend un nombre de 1 à 8</translation>
    </message>
    <message>
        <source>--screenshot-view is main, ladder, anomalies, subscriptions, merged, requests or composer</source>
        <translation>--screenshot-view vaut main, ladder, anomalies, subscriptions, merged, requests ou composer</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::AnomalyModel</name>
    <message>
        <source>Repeated event</source>
        <translation>Événement répété</translation>
    </message>
    <message>
        <source>Playback never finished</source>
        <translation>Lecture jamais terminée</translation>
    </message>
    <message>
        <source>REST error</source>
        <translation>Erreur REST</translation>
    </message>
    <message>
        <source>Outside Stasis</source>
        <translation>Hors de Stasis</translation>
    </message>
    <message>
        <source>Changed while disconnected</source>
        <translation>Modifié pendant la déconnexion</translation>
    </message>
    <message>
        <source>%1 arrived again, identical (%2)</source>
        <translation>%1 est de nouveau arrivé, identique (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: HTTP %2</source>
        <translation>%1 : HTTP %2</translation>
    </message>
    <message>
        <source>%1: HTTP %2: %3</source>
        <translation>%1 : HTTP %2 : %3</translation>
    </message>
    <message numerus="yes">
        <source>no PlaybackFinished %n second(s) after it started (an unsupported media URI?)</source>
        <translation>
            <numerusform>aucun PlaybackFinished %n seconde après son démarrage (URI de média non prise en charge ?)</numerusform>
            <numerusform>aucun PlaybackFinished %n secondes après son démarrage (URI de média non prise en charge ?)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has been outside Stasis for %n second(s) (%2)</source>
        <translation>
            <numerusform>%1 est hors de Stasis depuis %n seconde (%2)</numerusform>
            <numerusform>%1 est hors de Stasis depuis %n secondes (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more channel(s) outside Stasis for more than %1 s</source>
        <translation>
            <numerusform>et %n autre canal hors de Stasis depuis plus de %1 s</numerusform>
            <numerusform>et %n autres canaux hors de Stasis depuis plus de %1 s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 appeared (%2)</source>
        <translation>%1 est apparu (%2)</translation>
    </message>
    <message>
        <source>state %1 → %2</source>
        <translation>état %1 → %2</translation>
    </message>
    <message>
        <source>bridge %1 → %2</source>
        <translation>pont %1 → %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <translation>%1 a pris fin</translation>
    </message>
    <message>
        <source>bridge %1 appeared</source>
        <translation>le pont %1 est apparu</translation>
    </message>
    <message>
        <source>bridge %1: members changed</source>
        <translation>pont %1 : membres modifiés</translation>
    </message>
    <message>
        <source>bridge %1 was destroyed</source>
        <translation>le pont %1 a été détruit</translation>
    </message>
    <message numerus="yes">
        <source>and %n more change(s) while disconnected</source>
        <translation>
            <numerusform>et %n autre modification pendant la déconnexion</numerusform>
            <numerusform>et %n autres modifications pendant la déconnexion</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::AnomalyWindow</name>
    <message>
        <source>Anomalies — %1</source>
        <translation>Anomalies — %1</translation>
    </message>
    <message>
        <source>Repeated events, playbacks that never finish, REST errors, channels left outside Stasis and what changed while the connection was down.</source>
        <translation>Événements répétés, lectures qui ne se terminent jamais, erreurs REST, canaux laissés hors de Stasis et ce qui a changé pendant la coupure de la connexion.</translation>
    </message>
    <message>
        <source>Show &amp;ladder</source>
        <translation>Afficher le &amp;diagramme</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Effacer</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::BridgesModel</name>
    <message>
        <source>channel</source>
        <translation>canal</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n canal</numerusform>
            <numerusform>%n canaux</numerusform>
        </translation>
    </message>
    <message>
        <source>Bridge / channel</source>
        <translation>Pont / canal</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>Technologie</translation>
    </message>
    <message>
        <source>Members / state</source>
        <translation>Membres / état</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Créateur</translation>
    </message>
    <message>
        <source>Video source</source>
        <translation>Source vidéo</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::ChannelsModel</name>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <source>Connected line</source>
        <translation>Ligne connectée</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Pont</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Dialplan</source>
        <translation>Plan de numérotation</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::CommandPalette</name>
    <message>
        <source>Type a command</source>
        <translation>Saisissez une commande</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::ComposerDialog</name>
    <message>
        <source>comma-separated %1</source>
        <translation>%1 séparés par des virgules</translation>
    </message>
    <message>
        <source>Compose Request — %1</source>
        <translation>Composer une requête — %1</translation>
    </message>
    <message>
        <source>Find an operation (e.g. hangup, POST /bridges)</source>
        <translation>Chercher une opération (p. ex. hangup, POST /bridges)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Send the request (%1)</source>
        <translation>Envoyer la requête (%1)</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Copier en &amp;curl</translation>
    </message>
    <message>
        <source>Copy as QtAri C&amp;++</source>
        <translation>Copier en QtAri C&amp;++</translation>
    </message>
    <message>
        <source>The answer shows here</source>
        <translation>La réponse s&apos;affiche ici</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>par défaut %1</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>séparés par des virgules</translation>
    </message>
    <message>
        <source>comma-separated: %1</source>
        <translation>séparés par des virgules : %1</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <source>body</source>
        <translation>corps</translation>
    </message>
    <message>
        <source>query</source>
        <translation>requête</translation>
    </message>
    <message>
        <source>Since Asterisk %1</source>
        <translation>Depuis Asterisk %1</translation>
    </message>
    <message>
        <source>This operation takes no parameters.</source>
        <translation>Cette opération ne prend aucun paramètre.</translation>
    </message>
    <message>
        <source>This opens the event WebSocket, which the client does itself; sending it as a REST request gets no events.</source>
        <translation>Ceci ouvre le WebSocket d&apos;événements, ce que le client fait lui-même ; l&apos;envoyer comme requête REST ne donne aucun événement.</translation>
    </message>
    <message>
        <source>Choose an operation</source>
        <translation>Choisissez une opération</translation>
    </message>
    <message>
        <source>parameter %1</source>
        <translation>paramètre %1</translation>
    </message>
    <message>
        <source>⚠ %1 needs Asterisk %2, the server runs %3</source>
        <translation>⚠ %1 demande Asterisk %2, le serveur exécute %3</translation>
    </message>
    <message>
        <source>the server runs %1</source>
        <translation>le serveur exécute %1</translation>
    </message>
    <message>
        <source>The server&apos;s tab was closed; open the composer from another one</source>
        <translation>L&apos;onglet du serveur a été fermé ; ouvrez le compositeur depuis un autre onglet</translation>
    </message>
    <message>
        <source>Waiting for the answer…</source>
        <translation>En attente de la réponse…</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Réponse</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::ConnectionDialog</name>
    <message>
        <source>Connect to an Asterisk server</source>
        <translation>Se connecter à un serveur Asterisk</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil :</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>URL du serveur :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Store the password unencrypted in the settings file</source>
        <translation>Enregistrer le mot de passe en clair dans le fichier de réglages</translation>
    </message>
    <message>
        <source>comma-separated, e.g. qtari-inspector</source>
        <translation>séparées par des virgules, p. ex. qtari-inspector</translation>
    </message>
    <message>
        <source>Applications:</source>
        <translation>Applications :</translation>
    </message>
    <message>
        <source>Receive all events of the server (subscribeAll)</source>
        <translation>Recevoir tous les événements du serveur (subscribeAll)</translation>
    </message>
    <message>
        <source>Verify the server&apos;s TLS certificate</source>
        <translation>Vérifier le certificat TLS du serveur</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS :</translation>
    </message>
    <message>
        <source>extra CA certificate (PEM), optional</source>
        <translation>certificat d&apos;AC supplémentaire (PEM), facultatif</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Fichier d&apos;AC :</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificat d&apos;AC</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>Mémoriser le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>No keychain available: the password is asked each time</source>
        <translation>Aucun trousseau disponible : le mot de passe est demandé à chaque fois</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Enregistrer le profil</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Nom du profil :</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>The server URL must start with http:// or https://</source>
        <translation>L&apos;URL du serveur doit commencer par http:// ou https://</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>The server refused: %1 (HTTP %2)</source>
        <translation>Le serveur a refusé : %1 (HTTP %2)</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Connexion impossible : %1</translation>
    </message>
    <message>
        <source>Listen for Asterisk on port</source>
        <translation>Attendre Asterisk sur le port</translation>
    </message>
    <message>
        <source>Asterisk connects to the Inspector (outbound WebSocket); the user and password below are what Asterisk must send</source>
        <translation>Asterisk se connecte à l&apos;Inspector (WebSocket sortant) ; l&apos;utilisateur et le mot de passe ci-dessous sont ce qu&apos;Asterisk doit envoyer</translation>
    </message>
    <message>
        <source>Auto (over the event socket where Asterisk has it)</source>
        <translation>Automatique (par le socket d&apos;événements là où Asterisk l&apos;a)</translation>
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
        <translation>REST :</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::CreateBridgeDialog</name>
    <message>
        <source>Create bridge</source>
        <translation>Créer un pont</translation>
    </message>
    <message>
        <source>Mixing</source>
        <translation>Mixage</translation>
    </message>
    <message>
        <source>Holding</source>
        <translation>Attente</translation>
    </message>
    <message>
        <source>Mixing, DTMF events</source>
        <translation>Mixage, événements DTMF</translation>
    </message>
    <message>
        <source>Mixing, proxy media</source>
        <translation>Mixage, média relayé</translation>
    </message>
    <message>
        <source>Video SFU</source>
        <translation>SFU vidéo</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::Demo</name>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>Demo %1</source>
        <translation>Démo %1</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::DetailsWidget</name>
    <message>
        <source>Property</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Channel variable, e.g. CALLERID(num)</source>
        <translation>Variable de canal, p. ex. CALLERID(num)</translation>
    </message>
    <message>
        <source>Get</source>
        <translation>Lire</translation>
    </message>
    <message>
        <source>&lt;b&gt;Details&lt;/b&gt; — select a channel or a bridge</source>
        <translation>&lt;b&gt;Détails&lt;/b&gt; — sélectionnez un canal ou un pont</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Pont</translation>
    </message>
    <message>
        <source>(none reported; ask for one below)</source>
        <translation>(aucune signalée ; demandez-en une ci-dessous)</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::DtmfDialog</name>
    <message>
        <source>Send DTMF</source>
        <translation>Envoyer des DTMF</translation>
    </message>
    <message>
        <source>e.g. 123#</source>
        <translation>p. ex. 123#</translation>
    </message>
    <message>
        <source>Digits:</source>
        <translation>Chiffres :</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::EventLogWidget</name>
    <message>
        <source>&lt;b&gt;Event log&lt;/b&gt;</source>
        <translation>&lt;b&gt;Journal des événements&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop adding events to the log (they are kept and shown on resume)</source>
        <translation>Ne plus ajouter d&apos;événements au journal (ils sont conservés et affichés à la reprise)</translation>
    </message>
    <message>
        <source>All event types</source>
        <translation>Tous les types d&apos;événements</translation>
    </message>
    <message>
        <source>Channel, bridge or playback id</source>
        <translation>Identifiant de canal, de pont ou de lecture</translation>
    </message>
    <message>
        <source>Search text in events</source>
        <translation>Chercher du texte dans les événements</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Select an event to see its JSON</source>
        <translation>Sélectionnez un événement pour voir son JSON</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 affichés</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 en attente</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::EventTypesModel</name>
    <message>
        <source>Not in the ARI description QtAri knows</source>
        <translation>Absent de la description ARI connue de QtAri</translation>
    </message>
    <message>
        <source>Kept in the event log, the call ladder and recordings</source>
        <translation>Conservé dans le journal des événements, le diagramme d&apos;appel et les enregistrements</translation>
    </message>
    <message>
        <source>Shown in the event log</source>
        <translation>Affiché dans le journal des événements</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Type d&apos;événement</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capturer</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::HangupDialog</name>
    <message>
        <source>Hang up</source>
        <translation>Raccrocher</translation>
    </message>
    <message numerus="yes">
        <source>Hang up %n channel(s) with the cause:</source>
        <translation>
            <numerusform>Raccrocher %n canal avec la cause :</numerusform>
            <numerusform>Raccrocher %n canaux avec la cause :</numerusform>
        </translation>
    </message>
    <message>
        <source>Normal clearing (16)</source>
        <translation>Libération normale (16)</translation>
    </message>
    <message>
        <source>User busy (17)</source>
        <translation>Usager occupé (17)</translation>
    </message>
    <message>
        <source>No answer (19)</source>
        <translation>Pas de réponse (19)</translation>
    </message>
    <message>
        <source>Congestion (34)</source>
        <translation>Encombrement (34)</translation>
    </message>
    <message>
        <source>Answered elsewhere (26)</source>
        <translation>Répondu ailleurs (26)</translation>
    </message>
    <message>
        <source>Call rejected (21)</source>
        <translation>Appel rejeté (21)</translation>
    </message>
    <message>
        <source>Unallocated number (1)</source>
        <translation>Numéro non attribué (1)</translation>
    </message>
    <message>
        <source>No route to destination (3)</source>
        <translation>Pas de route vers la destination (3)</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>Cause :</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::LadderModel</name>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Bridge %1</source>
        <translation>Pont %1</translation>
    </message>
    <message>
        <source>Bridge %1 (%2)</source>
        <translation>Pont %1 (%2)</translation>
    </message>
    <message>
        <source>Playback %1</source>
        <translation>Lecture %1</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>Enregistrement %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
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
        <translation>&amp;Suivre les branches de l&apos;appel</translation>
    </message>
    <message>
        <source>Show every leg of the call: Local halves, dialled peers, bridge partners, snoops and transfers</source>
        <translation>Afficher chaque branche de l&apos;appel : moitiés Local, correspondants appelés, partenaires de pont, écoutes (snoop) et transferts</translation>
    </message>
    <message>
        <source>Export &amp;SVG…</source>
        <translation>Exporter en &amp;SVG…</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>Exporter en &amp;PNG…</translation>
    </message>
    <message>
        <source>Export &amp;text…</source>
        <translation>Exporter en &amp;texte…</translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation>&amp;Copier en texte</translation>
    </message>
    <message>
        <source>Click a row to see its JSON; deltas are then measured from it.</source>
        <translation>Cliquez sur une ligne pour voir son JSON ; les écarts sont alors mesurés à partir d&apos;elle.</translation>
    </message>
    <message>
        <source>Call ladder — %1 — %2</source>
        <translation>Diagramme d&apos;appel — %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n canal</numerusform>
            <numerusform>%n canaux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bridge(s)</source>
        <translation>
            <numerusform>%n pont</numerusform>
            <numerusform>%n ponts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>could not write the image</source>
        <translation>impossible d&apos;écrire l&apos;image</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>Images SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG images, 500 rows from the selected one (*.png)</source>
        <translation>Images PNG, 500 lignes à partir de celle sélectionnée (*.png)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Fichiers texte (*.txt)</translation>
    </message>
    <message>
        <source>Export the call ladder</source>
        <translation>Exporter le diagramme d&apos;appel</translation>
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
        <translation>Se &amp;connecter…</translation>
    </message>
    <message>
        <source>Close &amp;tab</source>
        <translation>Fermer l&apos;&amp;onglet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Hang up</source>
        <translation>&amp;Raccrocher</translation>
    </message>
    <message>
        <source>Hang up with &amp;cause…</source>
        <translation>Raccrocher avec une &amp;cause…</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>Ré&amp;pondre</translation>
    </message>
    <message>
        <source>&amp;Ring</source>
        <translation>&amp;Sonner</translation>
    </message>
    <message>
        <source>Stop r&amp;inging</source>
        <translation>Arrêter la so&amp;nnerie</translation>
    </message>
    <message>
        <source>H&amp;old</source>
        <translation>&amp;Mettre en attente</translation>
    </message>
    <message>
        <source>U&amp;nhold</source>
        <translation>Reprendre l&apos;a&amp;ppel</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>&amp;Couper le son</translation>
    </message>
    <message>
        <source>Unm&amp;ute</source>
        <translation>Rétablir le s&amp;on</translation>
    </message>
    <message>
        <source>Send &amp;DTMF…</source>
        <translation>Envoyer des &amp;DTMF…</translation>
    </message>
    <message>
        <source>&amp;Originate…</source>
        <translation>&amp;Lancer un appel…</translation>
    </message>
    <message>
        <source>&amp;Create bridge…</source>
        <translation>&amp;Créer un pont…</translation>
    </message>
    <message>
        <source>&amp;Bridge selected channels</source>
        <translation>&amp;Relier les canaux sélectionnés</translation>
    </message>
    <message>
        <source>&amp;Destroy bridge</source>
        <translation>&amp;Détruire le pont</translation>
    </message>
    <message>
        <source>&amp;Remove from bridge</source>
        <translation>&amp;Retirer du pont</translation>
    </message>
    <message>
        <source>&amp;Add to bridge</source>
        <translation>&amp;Ajouter au pont</translation>
    </message>
    <message>
        <source>&amp;Play media…</source>
        <translation>&amp;Lire un média…</translation>
    </message>
    <message>
        <source>&amp;Stop playback</source>
        <translation>&amp;Arrêter la lecture</translation>
    </message>
    <message>
        <source>P&amp;ause playback</source>
        <translation>Mettre la lecture en &amp;pause</translation>
    </message>
    <message>
        <source>R&amp;esume playback</source>
        <translation>Reprendre la &amp;lecture</translation>
    </message>
    <message>
        <source>Start music on &amp;hold</source>
        <translation>Démarrer la musique d&apos;a&amp;ttente</translation>
    </message>
    <message>
        <source>Stop music on h&amp;old</source>
        <translation>Arrêter la musique d&apos;atte&amp;nte</translation>
    </message>
    <message>
        <source>Start &amp;recording…</source>
        <translation>Démarrer l&apos;&amp;enregistrement…</translation>
    </message>
    <message>
        <source>S&amp;top recording</source>
        <translation>Arrêter l&apos;enre&amp;gistrement</translation>
    </message>
    <message>
        <source>&amp;Pause event log</source>
        <translation>Mettre le journal en &amp;pause</translation>
    </message>
    <message>
        <source>&amp;Clear event log</source>
        <translation>&amp;Effacer le journal</translation>
    </message>
    <message>
        <source>Show &amp;events of the selection</source>
        <translation>Afficher les é&amp;vénements de la sélection</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Canal</translation>
    </message>
    <message>
        <source>&amp;Bridge</source>
        <translation>&amp;Pont</translation>
    </message>
    <message>
        <source>&amp;Media</source>
        <translation>&amp;Média</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Connexion à %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Reconnect attempts: %1</source>
        <translation>Tentatives de reconnexion : %1</translation>
    </message>
    <message>
        <source>Asterisk %1</source>
        <translation>Asterisk %1</translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation>%1 événements/s</translation>
    </message>
    <message>
        <source>%1 channels, %2 bridges</source>
        <translation>%1 canaux, %2 ponts</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>Échec de « %1 » : %2</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>Échec de « %1 »</translation>
    </message>
    <message>
        <source>Select one or more channels first</source>
        <translation>Sélectionnez d&apos;abord un ou plusieurs canaux</translation>
    </message>
    <message>
        <source>(no bridges)</source>
        <translation>(aucun pont)</translation>
    </message>
    <message>
        <source>Select a bridge first</source>
        <translation>Sélectionnez d&apos;abord un pont</translation>
    </message>
    <message>
        <source>Select a channel or a bridge first</source>
        <translation>Sélectionnez d&apos;abord un canal ou un pont</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n objet</numerusform>
            <numerusform>%n objets</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is playing on the selection</source>
        <translation>Aucune lecture en cours sur la sélection</translation>
    </message>
    <message>
        <source>Select one channel or bridge to record</source>
        <translation>Sélectionnez un canal ou un pont à enregistrer</translation>
    </message>
    <message>
        <source>Nothing is being recorded on the selection</source>
        <translation>Aucun enregistrement en cours sur la sélection</translation>
    </message>
    <message>
        <source>About QtAri Inspector</source>
        <translation>À propos de QtAri Inspector</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;QtAri Inspector&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;An operator&apos;s console for Asterisk&apos;s REST Interface, built on the QtAri library.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;QtAri Inspector&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Une console d&apos;opérateur pour l&apos;interface REST d&apos;Asterisk, construite sur la bibliothèque QtAri.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What looks wrong in this session (F9)</source>
        <translation>Ce qui semble anormal dans cette session (F9)</translation>
    </message>
    <message>
        <source>Call &amp;ladder</source>
        <translation>&amp;Diagramme d&apos;appel</translation>
    </message>
    <message>
        <source>&amp;Anomalies…</source>
        <translation>&amp;Anomalies…</translation>
    </message>
    <message>
        <source>Event &amp;types and subscriptions…</source>
        <translation>&amp;Types d&apos;événements et abonnements…</translation>
    </message>
    <message>
        <source>Compose &amp;Request…</source>
        <translation>Composer une &amp;requête…</translation>
    </message>
    <message>
        <source>Show the re&amp;quest log</source>
        <translation>Afficher le &amp;journal des requêtes</translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation>&amp;Palette de commandes…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message numerus="yes">
        <source>%n anomaly(s)</source>
        <translation>
            <numerusform>%n anomalie</numerusform>
            <numerusform>%n anomalies</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Record Session…</source>
        <translation>&amp;Enregistrer la session…</translation>
    </message>
    <message>
        <source>Record every event and REST exchange of this tab to a file</source>
        <translation>Enregistrer dans un fichier chaque événement et chaque échange REST de cet onglet</translation>
    </message>
    <message>
        <source>&amp;Open Recording…</source>
        <translation>Ou&amp;vrir un enregistrement…</translation>
    </message>
    <message>
        <source>Recording stopped</source>
        <translation>Enregistrement arrêté</translation>
    </message>
    <message>
        <source>Stop &amp;Recording</source>
        <translation>Arrêter l&apos;&amp;enregistrement</translation>
    </message>
    <message numerus="yes">
        <source>● Recording to %1 (%n event(s))</source>
        <translation>
            <numerusform>● Enregistrement dans %1 (%n événement)</numerusform>
            <numerusform>● Enregistrement dans %1 (%n événements)</numerusform>
        </translation>
    </message>
    <message>
        <source>Record Session</source>
        <translation>Enregistrer la session</translation>
    </message>
    <message>
        <source>Open a server tab to record first.</source>
        <translation>Ouvrez d&apos;abord un onglet de serveur à enregistrer.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>Enregistrement dans %1</translation>
    </message>
    <message>
        <source>Recordings (*.jsonl);;All files (*)</source>
        <translation>Enregistrements (*.jsonl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation>Ouvrir un enregistrement</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Replay into Simulator</source>
        <translation>Rejouer dans le simulateur</translation>
    </message>
    <message>
        <source>The simulator cannot listen.</source>
        <translation>Le simulateur ne peut pas écouter.</translation>
    </message>
    <message>
        <source>Replay of %1</source>
        <translation>Relecture de %1</translation>
    </message>
    <message>
        <source>All &amp;Servers</source>
        <translation>Tous les &amp;serveurs</translation>
    </message>
    <message>
        <source>Every server&apos;s channels and bridges in one tab, tagged by colour</source>
        <translation>Les canaux et les ponts de tous les serveurs dans un onglet, marqués par couleur</translation>
    </message>
    <message>
        <source>All Servers</source>
        <translation>Tous les serveurs</translation>
    </message>
    <message>
        <source>The channels and bridges of every server, tagged by colour</source>
        <translation>Les canaux et les ponts de chaque serveur, marqués par couleur</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n serveur</numerusform>
            <numerusform>%n serveurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Select channels of one server: actions act on one server at a time</source>
        <translation>Sélectionnez les canaux d’un seul serveur : les actions agissent sur un serveur à la fois</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::MergedModel</name>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::MergedView</name>
    <message>
        <source>Filter channels and bridges of every server</source>
        <translation>Filtrer les canaux et les ponts de tous les serveurs</translation>
    </message>
    <message>
        <source>Select a channel or a bridge to see it here.</source>
        <translation>Sélectionnez un canal ou un pont pour le voir ici.</translation>
    </message>
    <message>
        <source>Bridges</source>
        <translation>Ponts</translation>
    </message>
    <message>
        <source>Channels of every server</source>
        <translation>Canaux de tous les serveurs</translation>
    </message>
    <message numerus="yes">
        <source>The selection holds rows of %n server(s): actions act on one server at a time, so select rows of one server.</source>
        <translation>
            <numerusform>La sélection contient des lignes de %n serveur : les actions agissent sur un serveur à la fois, sélectionnez donc les lignes d’un seul serveur.</numerusform>
            <numerusform>La sélection contient des lignes de %n serveurs : les actions agissent sur un serveur à la fois, sélectionnez donc les lignes d’un seul serveur.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s). Actions act on the server of the selected rows; select a row to originate or create a bridge on its server.</source>
        <translation>
            <numerusform>%n serveur. Les actions agissent sur le serveur des lignes sélectionnées ; sélectionnez une ligne pour appeler ou créer un pont sur son serveur.</numerusform>
            <numerusform>%n serveurs. Les actions agissent sur le serveur des lignes sélectionnées ; sélectionnez une ligne pour appeler ou créer un pont sur son serveur.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::OperationCatalog</name>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>JSON non valide : %1</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>doit être un objet JSON</translation>
    </message>
    <message>
        <source>“%1” is not a whole number</source>
        <translation>« %1 » n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>%1 is too large</source>
        <translation>%1 est trop grand</translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation>doit valoir au moins %1</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>doit valoir au plus %1</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>doit valoir true ou false</translation>
    </message>
    <message>
        <source>“%1” is not one of %2</source>
        <translation>« %1 » ne fait pas partie de %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::OriginateDialog</name>
    <message>
        <source>Originate</source>
        <translation>Lancer un appel</translation>
    </message>
    <message>
        <source>e.g. PJSIP/1000</source>
        <translation>p. ex. PJSIP/1000</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Point de terminaison :</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>Application :</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Arguments :</translation>
    </message>
    <message>
        <source>e.g. &quot;Operator&quot; &lt;100&gt;</source>
        <translation>p. ex. &quot;Standard&quot; &lt;100&gt;</translation>
    </message>
    <message>
        <source>Caller ID:</source>
        <translation>Identifiant d&apos;appelant :</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Délai :</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::PlayMediaDialog</name>
    <message>
        <source>Play media</source>
        <translation>Lire un média</translation>
    </message>
    <message>
        <source>Play on %1:</source>
        <translation>Lire sur %1 :</translation>
    </message>
    <message>
        <source>Filter sounds</source>
        <translation>Filtrer les sons</translation>
    </message>
    <message>
        <source>Loading the server&apos;s sounds…</source>
        <translation>Chargement des sons du serveur…</translation>
    </message>
    <message>
        <source>sound:hello-world, tone:ring, recording:name …</source>
        <translation>sound:hello-world, tone:ring, recording:nom …</translation>
    </message>
    <message>
        <source>Media URI:</source>
        <translation>URI du média :</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lire</translation>
    </message>
    <message numerus="yes">
        <source>%n sound(s) on the server</source>
        <translation>
            <numerusform>%n son sur le serveur</numerusform>
            <numerusform>%n sons sur le serveur</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load the sounds: %1</source>
        <translation>Impossible de charger les sons : %1</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::RecordDialog</name>
    <message>
        <source>Start recording</source>
        <translation>Démarrer l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>illimitée</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Maximum duration:</source>
        <translation>Durée maximale :</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::Recorder</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::RecordingModel</name>
    <message>
        <source>%1: no answer (%2: %3)</source>
        <translation>%1 : pas de réponse (%2 : %3)</translation>
    </message>
    <message>
        <source>(malformed)</source>
        <translation>(mal formée)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1 : %2</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::RecordingTimeline</name>
    <message>
        <source>the simulator cannot listen on 127.0.0.1</source>
        <translation>le simulateur ne peut pas écouter sur 127.0.0.1</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::RecordingView</name>
    <message>
        <source>Find in recording (Enter: next)</source>
        <translation>Chercher dans l&apos;enregistrement (Entrée : suivant)</translation>
    </message>
    <message>
        <source>Text the line&apos;s JSON contains, e.g. an id or &quot;ChannelDestroyed&quot;</source>
        <translation>Texte contenu dans le JSON de la ligne, p. ex. un identifiant ou &quot;ChannelDestroyed&quot;</translation>
    </message>
    <message>
        <source>Replay into Simulator</source>
        <translation>Rejouer dans le simulateur</translation>
    </message>
    <message>
        <source>Start a local simulator that replays this recording at its own pace, and open a live tab connected to it</source>
        <translation>Démarrer un simulateur local qui rejoue cet enregistrement à son propre rythme, et ouvrir un onglet en direct connecté à celui-ci</translation>
    </message>
    <message>
        <source>How fast Replay into Simulator goes</source>
        <translation>Vitesse de « Rejouer dans le simulateur »</translation>
    </message>
    <message>
        <source>as recorded</source>
        <translation>comme enregistré</translation>
    </message>
    <message>
        <source>%1× faster</source>
        <translation>%1× plus vite</translation>
    </message>
    <message>
        <source>half speed</source>
        <translation>demi-vitesse</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>aussi vite que possible</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n line(s)</source>
        <translation>
            <numerusform>%1 : %n ligne</numerusform>
            <numerusform>%1 : %n lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n malformed line(s) skipped</source>
        <translation>
            <numerusform>%n ligne mal formée ignorée</numerusform>
            <numerusform>%n lignes mal formées ignorées</numerusform>
        </translation>
    </message>
    <message>
        <source>recorded from %1</source>
        <translation>enregistré depuis %1</translation>
    </message>
    <message>
        <source>No tables: %1</source>
        <translation>Aucune table : %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the recording</source>
        <translation>« %1 » n&apos;est pas dans l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Introuvable : %1</translation>
    </message>
    <message>
        <source>Tables: before the first line</source>
        <translation>Tables : avant la première ligne</translation>
    </message>
    <message>
        <source>Tables as of line %1 (%2)</source>
        <translation>Tables à la ligne %1 (%2)</translation>
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
        <translation>client</translation>
    </message>
    <message>
        <source>Sent by the client itself (connect check, listing, subscription)</source>
        <translation>Envoyée par le client lui-même (vérification de connexion, listage, abonnement)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
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
        <translation>Interne</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::RequestLogWidget</name>
    <message>
        <source>Operation: %1</source>
        <translation>Opération : %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 after %2: %3</source>
        <translation>%1 après %2 : %3</translation>
    </message>
    <message>
        <source>Hide the client&apos;s own requests</source>
        <translation>Masquer les requêtes propres au client</translation>
    </message>
    <message>
        <source>Hide connect checks, listings and subscriptions the client sends by itself</source>
        <translation>Masquer les vérifications de connexion, listages et abonnements que le client envoie de lui-même</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Select a request to see it and its answer</source>
        <translation>Sélectionnez une requête pour la voir avec sa réponse</translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation>&amp;Renvoyer</translation>
    </message>
    <message>
        <source>&amp;Edit in Composer…</source>
        <translation>&amp;Modifier dans le compositeur…</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Copier en &amp;curl</translation>
    </message>
    <message>
        <source>Copy as QtAri C&amp;++</source>
        <translation>Copier en QtAri C&amp;++</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n requête</numerusform>
            <numerusform>%n requêtes</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent %1 over %2%3</source>
        <translation>Envoyée %1 via %2%3</translation>
    </message>
    <message>
        <source>the event WebSocket</source>
        <translation>le WebSocket d&apos;événements</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>, by the client itself</source>
        <translation>, par le client lui-même</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Réponse</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::ServerView</name>
    <message>
        <source>Filter channels</source>
        <translation>Filtrer les canaux</translation>
    </message>
    <message>
        <source>Drop channels here to bridge them</source>
        <translation>Déposez des canaux ici pour les relier</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Bridges</source>
        <translation>Ponts</translation>
    </message>
    <message>
        <source>In Stasis only</source>
        <translation>Seulement en Stasis</translation>
    </message>
    <message>
        <source>Show only the channels that are in a Stasis application</source>
        <translation>N&apos;afficher que les canaux qui sont dans une application Stasis</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::Session</name>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Reconnecting (attempt %1)</source>
        <translation>Reconnexion (tentative %1)</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Raccrocher</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>Sonner</translation>
    </message>
    <message>
        <source>Stop ringing</source>
        <translation>Arrêter la sonnerie</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Mettre en attente</translation>
    </message>
    <message>
        <source>Unhold</source>
        <translation>Reprendre l&apos;appel</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Couper le son</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Rétablir le son</translation>
    </message>
    <message>
        <source>Send DTMF</source>
        <translation>Envoyer des DTMF</translation>
    </message>
    <message>
        <source>Originate</source>
        <translation>Lancer un appel</translation>
    </message>
    <message>
        <source>Create bridge</source>
        <translation>Créer un pont</translation>
    </message>
    <message>
        <source>Destroy bridge</source>
        <translation>Détruire le pont</translation>
    </message>
    <message>
        <source>Add to bridge</source>
        <translation>Ajouter au pont</translation>
    </message>
    <message>
        <source>Remove from bridge</source>
        <translation>Retirer du pont</translation>
    </message>
    <message>
        <source>Play media</source>
        <translation>Lire un média</translation>
    </message>
    <message>
        <source>Stop playback</source>
        <translation>Arrêter la lecture</translation>
    </message>
    <message>
        <source>Pause playback</source>
        <translation>Mettre la lecture en pause</translation>
    </message>
    <message>
        <source>Resume playback</source>
        <translation>Reprendre la lecture</translation>
    </message>
    <message>
        <source>Start music on hold</source>
        <translation>Démarrer la musique d&apos;attente</translation>
    </message>
    <message>
        <source>Stop music on hold</source>
        <translation>Arrêter la musique d&apos;attente</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>Démarrer l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Arrêter l&apos;enregistrement</translation>
    </message>
    <message>
        <source>listening on port %1</source>
        <translation>en écoute sur le port %1</translation>
    </message>
    <message>
        <source>cannot listen on port %1: %2</source>
        <translation>impossible d&apos;écouter sur le port %1 : %2</translation>
    </message>
    <message>
        <source>Waiting for Asterisk on port %1…</source>
        <translation>En attente d&apos;Asterisk sur le port %1…</translation>
    </message>
    <message>
        <source>Waiting for Asterisk to connect again</source>
        <translation>En attente de la reconnexion d&apos;Asterisk</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::SubscriptionsWindow</name>
    <message>
        <source>Event types and subscriptions — %1</source>
        <translation>Types d&apos;événements et abonnements — %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Event types&lt;/b&gt; — capture keeps them in the log, the ladder and recordings; show filters the event log</source>
        <translation>&lt;b&gt;Types d&apos;événements&lt;/b&gt; — « Capturer » les conserve dans le journal, le diagramme et les enregistrements ; « Afficher » filtre le journal des événements</translation>
    </message>
    <message>
        <source>Subscribed to</source>
        <translation>Abonné à</translation>
    </message>
    <message>
        <source>channel:ID, bridge:ID, endpoint:PJSIP/1000, deviceState:NAME</source>
        <translation>channel:ID, bridge:ID, endpoint:PJSIP/1000, deviceState:NOM</translation>
    </message>
    <message>
        <source>&amp;Subscribe</source>
        <translation>S&apos;&amp;abonner</translation>
    </message>
    <message>
        <source>&amp;Unsubscribe selected</source>
        <translation>&amp;Désabonner la sélection</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <source>every type (comma-separated to allow only some)</source>
        <translation>tous les types (séparés par des virgules pour n&apos;en autoriser que certains)</translation>
    </message>
    <message>
        <source>none (comma-separated types to drop)</source>
        <translation>aucun (types à écarter, séparés par des virgules)</translation>
    </message>
    <message>
        <source>&amp;Apply event filter</source>
        <translation>A&amp;ppliquer le filtre d&apos;événements</translation>
    </message>
    <message>
        <source>This session uses subscribeAll: its applications hear of every channel, bridge and endpoint whatever they are subscribed to. The event filter still applies.</source>
        <translation>Cette session utilise subscribeAll : ses applications sont informées de chaque canal, pont et point de terminaison, quels que soient leurs abonnements. Le filtre d&apos;événements s&apos;applique toujours.</translation>
    </message>
    <message>
        <source>An event reaches an application when the application is subscribed to an object it names (a channel in its Stasis is) and the event filter lets its type through.</source>
        <translation>Un événement parvient à une application quand celle-ci est abonnée à un objet qu&apos;il nomme (c&apos;est le cas d&apos;un canal dans sa Stasis) et que le filtre d&apos;événements laisse passer son type.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Application&lt;/b&gt;</source>
        <translation>&lt;b&gt;Application&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Allowed types:</source>
        <translation>Types autorisés :</translation>
    </message>
    <message>
        <source>Disallowed types:</source>
        <translation>Types refusés :</translation>
    </message>
    <message>
        <source>Channels (%1)</source>
        <translation>Canaux (%1)</translation>
    </message>
    <message>
        <source>Bridges (%1)</source>
        <translation>Ponts (%1)</translation>
    </message>
    <message>
        <source>Endpoints (%1)</source>
        <translation>Points de terminaison (%1)</translation>
    </message>
    <message>
        <source>Device states (%1)</source>
        <translation>États des périphériques (%1)</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>Échec de « %1 » : %2</translation>
    </message>
    <message>
        <source>Reading the application</source>
        <translation>Lecture de l&apos;application</translation>
    </message>
    <message>
        <source>Subscribed.</source>
        <translation>Abonné.</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>S&apos;abonner</translation>
    </message>
    <message>
        <source>Unsubscribed.</source>
        <translation>Désabonné.</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Se désabonner</translation>
    </message>
    <message>
        <source>Event filter set.</source>
        <translation>Filtre d&apos;événements défini.</translation>
    </message>
    <message>
        <source>Setting the event filter</source>
        <translation>Définition du filtre d&apos;événements</translation>
    </message>
</context>
<context>
    <name>QtAri::Inspector::Traffic</name>
    <message numerus="yes">
        <source> … (%n bytes)</source>
        <translation>
            <numerusform> … (%n octet)</numerusform>
            <numerusform> … (%n octets)</numerusform>
        </translation>
    </message>
</context>
</TS>
