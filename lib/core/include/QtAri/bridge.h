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

    QString name() const;
    QString technology() const;
    //! "mixing" or "holding" (and whatever else Asterisk reports).
    QString bridgeType() const;
    QString bridgeClass() const;
    QString creator() const;
    QString videoMode() const;
    QString videoSourceId() const;
    QDateTime creationTime() const;
    //! The channels in the bridge as live objects (owned by the Client).
    QList<Channel *> channels() const;
    QStringList channelIds() const;
    QVariantMap variables() const;
    //! False for an object made by Client::newBridge() until an event or reply names its id.
    bool isKnown() const;
    bool isEnded() const;
    //! The last snapshot Asterisk sent.
    BridgeInfo info() const;

Q_SIGNALS:
    void nameChanged(const QString &name);
    void technologyChanged(const QString &technology);
    void bridgeTypeChanged(const QString &bridgeType);
    void bridgeClassChanged(const QString &bridgeClass);
    void creatorChanged(const QString &creator);
    void videoModeChanged(const QString &videoMode);
    void videoSourceIdChanged(const QString &videoSourceId);
    void creationTimeChanged(const QDateTime &creationTime);
    void channelsChanged();
    void variablesChanged(const QVariantMap &variables);
    void knownChanged(bool known);
    void endedChanged(bool ended);

    //! BridgeCreated.
    void created();
    //! BridgeDestroyed: the last signal; the object is deleted on the next event-loop turn.
    void ended();
    //! ChannelEnteredBridge / ChannelLeftBridge.
    void channelEntered(QtAri::Channel *channel);
    void channelLeft(QtAri::Channel *channel);
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
    void attendedTransferred(const QtAri::BridgeAttendedTransferEvent &event);
    void transferred(const QtAri::ChannelTransferEvent &event);

private:
    Bridge(const QString &id, Client *client, QObject *parent);
    friend class Private::Registry;
    friend class Private::RegistryPrivate;
    friend class BridgePrivate;
    std::unique_ptr<BridgePrivate> d;
    Q_DECLARE_PRIVATE_D(d, Bridge)
};

} // namespace QtAri
