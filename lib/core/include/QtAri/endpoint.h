// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtAri/contactinfo.h>
#include <QtAri/endpointbase.h>
#include <QtAri/endpointinfo.h>
#include <QtAri/peer.h>
#include <QtAri/textmessage.h>

#include <QtCore/QJsonObject>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>

namespace QtAri {

class EndpointPrivate;
namespace Private {
class Registry;
class RegistryPrivate;
} // namespace Private

//! \brief A live ARI endpoint ("technology/resource"), kept current from events.
//!
//! Owned by the Client; endpoints are not ended by any event and stay in the identity map until
//! the Client stops. Bound operations (sendMessage() …) come from EndpointBase.
class QTARI_EXPORT Endpoint : public EndpointBase
{
    Q_OBJECT
    Q_PROPERTY(QString technology READ technology CONSTANT FINAL)
    Q_PROPERTY(QString resource READ resource CONSTANT FINAL)
    Q_PROPERTY(State state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(QStringList channelIds READ channelIds NOTIFY channelIdsChanged FINAL)
public:
    enum class State { Unknown, Offline, Online };
    Q_ENUM(State)

    ~Endpoint() override;

    QString technology() const; //!< The endpoint's technology, e.g. "PJSIP".
    QString resource() const; //!< The endpoint's name within its technology.
    State state() const; //!< Whether the endpoint is reachable.
    QStringList channelIds() const; //!< Ids of the channels on the endpoint.
    EndpointInfo info() const; //!< The last snapshot Asterisk sent.

Q_SIGNALS:
    //! EndpointStateChange (also the NOTIFY of state).
    void stateChanged(QtAri::Endpoint::State state);
    void channelIdsChanged(const QStringList &channelIds); //!< Emitted when channelIds changes (NOTIFY of the property).
    //! ContactStatusChange.
    void contactStatusChanged(const QtAri::ContactInfo &contact);
    //! PeerStatusChange.
    void peerStatusChanged(const QtAri::Peer &peer);
    //! TextMessageReceived.
    void textMessageReceived(const QtAri::TextMessage &message);
    //! ChannelUserevent naming this endpoint.
    void userEvent(const QString &eventName, const QJsonObject &userEvent);

private:
    Endpoint(const QString &technology, const QString &resource, Client *client, QObject *parent);
    friend class Private::Registry;
    friend class Private::RegistryPrivate;
    std::unique_ptr<EndpointPrivate> d;
    Q_DECLARE_PRIVATE_D(d, Endpoint)
};

} // namespace QtAri
