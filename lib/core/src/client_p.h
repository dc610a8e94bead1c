// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Client's private data (never installed).

#include "connection_p.h"
#include "observedtransport_p.h"
#include "registry_p.h"

#include <QtAri/client.h>

#include <memory>

namespace QtAri {

class ClientPrivate
{
    Q_DECLARE_PUBLIC(Client)
public:
    explicit ClientPrivate(Client *q);
    ~ClientPrivate();

    void handleFrame(const Private::DecodedFrame &frame);
    QFuture<Result<void>> resync();
    void abortResync();

    Client *q_ptr;
    Private::Connection *connection;
    Private::ObservedTransport *transport; // what the API objects send through
    std::unique_ptr<ChannelsApi> channels;
    std::unique_ptr<BridgesApi> bridges;
    std::unique_ptr<PlaybacksApi> playbacks;
    std::unique_ptr<RecordingsApi> recordings;
    std::unique_ptr<EndpointsApi> endpoints;
    std::unique_ptr<DeviceStatesApi> deviceStates;
    std::unique_ptr<MailboxesApi> mailboxes;
    std::unique_ptr<SoundsApi> sounds;
    std::unique_ptr<ApplicationsApi> applications;
    std::unique_ptr<AsteriskApi> asterisk;
    std::unique_ptr<EventsApi> events;
    std::unique_ptr<Private::Registry> registry;

    class Resync;
    Resync *resyncInFlight = nullptr; // owned; deleted later when replaced, at once in ~Client
};

} // namespace QtAri
