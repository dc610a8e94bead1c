// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QObject>
#include <QtCore/QThread>
#include <QtCore/QTimer>

namespace QtAri {
class Event;
struct Exchange;
} // namespace QtAri

namespace QtAri::Inspector {

class RecorderWriter;
class Session;

//! \brief Writes everything a Session sees to a JSON-lines file in the recorded traces' format.
//!
//! One JSON object per line (docs/inspector.md, "Recording a session"):
//! - a first `{"type":"QtAriRecording","version":1,…}` line: the server (no password), the
//!   applications, subscribeAll and when the recording started;
//! - every event frame the client received, as received (compact JSON, as the traces have it);
//! - every REST exchange of the client (QtAri::Client::requestFinished(), its own included) as a
//!   `RESTRequest` line stamped with the send time and a `RESTResponse` line stamped with the
//!   answer's time, in the shape ARI uses for REST over the WebSocket, plus `qtari_transport`
//!   ("http" or "websocket"), `qtari_internal` and `qtari_operation`; a transport error is a
//!   RESTResponse with status_code 0 and `qtari_error` {kind, message}. Both lines are written
//!   when the answer arrives, so a RESTRequest line can follow events stamped later than it.
//! Secret-looking query values (api_key, password …) are written as "***"; credentials never
//! reach the file. The lines are made and written in a thread of the recorder's own, in order,
//! collected and written on a short timer (and at stop()): the GUI thread only hands each event
//! and exchange over.
class Recorder : public QObject
{
    Q_OBJECT
public:
    //! A recorder for \a session (not recording yet); a child of the session.
    explicit Recorder(Session *session);
    ~Recorder() override; //!< Stops (the file is flushed and closed).

    //! Starts writing to \a fileName (truncated). False, with \a error, if it cannot be opened.
    bool start(const QString &fileName, QString *error = nullptr);
    //! Flushes and closes the file.
    void stop();
    bool isRecording() const { return m_recording; }
    QString fileName() const { return m_fileName; }
    quint64 eventsWritten() const { return m_events; }
    quint64 exchangesWritten() const { return m_exchanges; }
    //! Writes what is collected now (also done by the timer); returns once it is written.
    void flush();

    //! The RESTRequest and RESTResponse lines of \a exchange (without newlines), with \a requestId.
    static QByteArray requestLine(const QtAri::Exchange &exchange, const QString &requestId);
    static QByteArray responseLine(const QtAri::Exchange &exchange, const QString &requestId);
    //! "2026-12-01T07:11:45.664+0000": Asterisk's form of \a time.
    static QString ariTimestamp(const QDateTime &time);

Q_SIGNALS:
    void recordingChanged(bool recording);
    //! Writing failed (disk full …); the recording has stopped.
    void errorOccurred(const QString &message);

private:
    void recordEvent(const QtAri::Event &event);
    void recordExchange(const QtAri::Exchange &exchange);

    Session *m_session;
    // Connected while recording only: Client::requestFinished() costs nothing while unheard.
    QMetaObject::Connection m_eventConnection;
    QMetaObject::Connection m_exchangeConnection;
    QThread m_thread; // serialises and writes (RecorderWriter), in order
    RecorderWriter *m_writer = nullptr; // lives in m_thread
    QString m_fileName;
    bool m_recording = false;
    QTimer m_flushTimer;
    quint64 m_events = 0;
    quint64 m_exchanges = 0;
    quint64 m_nextRequestId = 1;
};

} // namespace QtAri::Inspector
