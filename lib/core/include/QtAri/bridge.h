// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtAri/bridgebase.h>
#include <QtAri/bridgeinfo.h>

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariantMap>

#include <memory>

namespace QtAri {

class Channel;
class BridgePrivate;
struct BridgeAttendedTransferEvent;
struct BridgeBlindTransferEvent;
struct ChannelTransferEvent;
namespace Private {
class Registry;
class RegistryPrivate;
} // namespace Private

//! \brief A live ARI bridge: one object per bridge id, kept current from events.
//!
//! Owned by the Client. channels() holds the live channels in the bridge, in the order they
//! entered. After BridgeDestroyed the bridge emits ended(), leaves the identity map and is deleted
//! on the next event-loop turn. Bound operations (addChannel(), play(), destroy() …) come from
//! BridgeBase.
class QTARI_EXPORT Bridge : public BridgeBase
{
    Q_OBJECT
    Q_MOC_INCLUDE(<QtAri/channel.h>)
    Q_PROPERTY(QString name READ name NOTIFY nameChanged FINAL)
    Q_PROPERTY(QString technology READ technology NOTIFY technologyChanged FINAL)
    Q_PROPERTY(QString bridgeType READ bridgeType NOTIFY bridgeTypeChanged FINAL)
    Q_PROPERTY(QString bridgeClass READ bridgeClass NOTIFY bridgeClassChanged FINAL)
    Q_PROPERTY(QString creator READ creator NOTIFY creatorChanged FINAL)
    Q_PROPERTY(QString videoMode READ videoMode NOTIFY videoModeChanged FINAL)
    Q_PROPERTY(QString videoSourceId READ videoSourceId NOTIFY videoSourceIdChanged FINAL)
    Q_PROPERTY(QDateTime creationTime READ creationTime NOTIFY creationTimeChanged FINAL)
    Q_PROPERTY(QList<QtAri::Channel *> channels READ channels NOTIFY channelsChanged FINAL)
    Q_PROPERTY(QStringList channelIds READ channelIds NOTIFY channelsChanged FINAL)
    Q_PROPERTY(QVariantMap variables READ variables NOTIFY variablesChanged FINAL)
    Q_PROPERTY(bool known READ isKnown NOTIFY knownChanged FINAL)
    Q_PROPERTY(bool ended READ isEnded NOTIFY endedChanged FINAL)
public:
    ~Bridge() override;

    QString name() const; //!< The bridge's name.
    QString technology() const; //!< The bridging technology (simple_bridge, softmix …).
    //! "mixing" or "holding" (and whatever else Asterisk reports).
    QString bridgeType() const;
    QString bridgeClass() const; //!< The bridge's class.
    QString creator() const; //!< Who created the bridge ("Stasis" for ARI).
    QString videoMode() const; //!< The video mode (none, talker, sfu, single).
    QString videoSourceId() const; //!< Id of the channel that is the explicit video source, if any.
    QDateTime creationTime() const; //!< When Asterisk created the bridge.
    //! The channels in the bridge as live objects (owned by the Client).
    QList<Channel *> channels() const;
    QStringList channelIds() const; //!< Ids of the channels in the bridge.
    QVariantMap variables() const; //!< Bridge variables seen so far.
    //! False for an object made by Client::newBridge() until an event or reply names its id.
    bool isKnown() const;
    bool isEnded() const; //!< True once BridgeDestroyed has been handled.
    //! The last snapshot Asterisk sent.
    BridgeInfo info() const;

Q_SIGNALS:
    void nameChanged(const QString &name); //!< Emitted when name changes (NOTIFY of the property).
    void technologyChanged(const QString &technology); //!< Emitted when technology changes (NOTIFY of the property).
    void bridgeTypeChanged(const QString &bridgeType); //!< Emitted when bridgeType changes (NOTIFY of the property).
    void bridgeClassChanged(const QString &bridgeClass); //!< Emitted when bridgeClass changes (NOTIFY of the property).
    void creatorChanged(const QString &creator); //!< Emitted when creator changes (NOTIFY of the property).
    void videoModeChanged(const QString &videoMode); //!< Emitted when videoMode changes (NOTIFY of the property).
    void videoSourceIdChanged(const QString &videoSourceId); //!< Emitted when videoSourceId changes (NOTIFY of the property).
    void creationTimeChanged(const QDateTime &creationTime); //!< Emitted when creationTime changes (NOTIFY of the property).
    void channelsChanged(); //!< Emitted when channels changes (NOTIFY of the property).
    void variablesChanged(const QVariantMap &variables); //!< Emitted when variables changes (NOTIFY of the property).
    void knownChanged(bool known); //!< Emitted when known changes (NOTIFY of the property).
    void endedChanged(bool ended); //!< Emitted when ended changes (NOTIFY of the property).

    //! BridgeCreated.
    void created();
    //! BridgeDestroyed: the last signal; the object is deleted on the next event-loop turn.
    void ended();
    //! ChannelEnteredBridge / ChannelLeftBridge.
    void channelEntered(QtAri::Channel *channel);
    void channelLeft(QtAri::Channel *channel); //!< ChannelLeftBridge.
    //! BridgeMerged: \a from was merged into this bridge.
    void merged(QtAri::Bridge *from);
    //! BridgeMerged: this bridge was merged into \a into.
    void mergedInto(QtAri::Bridge *into);
    //! BridgeVideoSourceChanged.
    void videoSourceChanged(const QString &videoSourceId, const QString &oldVideoSourceId);
    //! ChannelUserevent naming this bridge.
    void userEvent(const QString &eventName, const QJsonObject &userEvent);
    //! Transfers naming this bridge in any field.
    void blindTransferred(const QtAri::BridgeBlindTransferEvent &event);
    void attendedTransferred(const QtAri::BridgeAttendedTransferEvent &event); //!< BridgeAttendedTransfer naming this bridge.
    void transferred(const QtAri::ChannelTransferEvent &event); //!< ChannelTransfer naming this bridge.

private:
    Bridge(const QString &id, Client *client, QObject *parent);
    friend class Private::Registry;
    friend class Private::RegistryPrivate;
    friend class BridgePrivate;
    std::unique_ptr<BridgePrivate> d;
    Q_DECLARE_PRIVATE_D(d, Bridge)
};

} // namespace QtAri
