// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/qtari_export.h>

#include <QtAri/playbackbase.h>
#include <QtAri/playbackinfo.h>

#include <QtCore/QString>

#include <memory>

namespace QtAri {

class Bridge;
class Channel;
class PlaybackPrivate;
namespace Private {
class Registry;
class RegistryPrivate;
} // namespace Private

//! \brief A live ARI playback: one object per playback id, kept current from events.
//!
//! Owned by the Client. Made by Client::newPlayback() (wire signals, then pass its id to
//! Channel::play()) or by the first event naming it. After PlaybackFinished it emits finished(),
//! leaves the identity map and is deleted on the next event-loop turn. Bound operations (stop(),
//! control() …) come from PlaybackBase.
class QTARI_EXPORT Playback : public PlaybackBase
{
    Q_OBJECT
    Q_MOC_INCLUDE(<QtAri/bridge.h>)
    Q_MOC_INCLUDE(<QtAri/channel.h>)
    Q_PROPERTY(State state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(QString mediaUri READ mediaUri NOTIFY mediaUriChanged FINAL)
    Q_PROPERTY(QString nextMediaUri READ nextMediaUri NOTIFY nextMediaUriChanged FINAL)
    Q_PROPERTY(QString targetUri READ targetUri NOTIFY targetUriChanged FINAL)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged FINAL)
    Q_PROPERTY(QtAri::Channel *targetChannel READ targetChannel NOTIFY targetUriChanged FINAL)
    Q_PROPERTY(QtAri::Bridge *targetBridge READ targetBridge NOTIFY targetUriChanged FINAL)
    Q_PROPERTY(bool known READ isKnown NOTIFY knownChanged FINAL)
    Q_PROPERTY(bool ended READ isEnded NOTIFY endedChanged FINAL)
public:
    enum class State { Queued, Playing, Continuing, Done, Failed, Unknown };
    Q_ENUM(State)

    ~Playback() override;

    State state() const;
    QString mediaUri() const;
    QString nextMediaUri() const;
    //! "channel:<id>", "bridge:<id>" …
    QString targetUri() const;
    QString language() const;
    //! The live channel or bridge the playback plays to, if it is in the identity map.
    Channel *targetChannel() const;
    Bridge *targetBridge() const;
    bool isKnown() const;
    bool isEnded() const;
    PlaybackInfo info() const;

    static State stateFromString(QStringView state);

Q_SIGNALS:
    void stateChanged(QtAri::Playback::State state);
    void mediaUriChanged(const QString &mediaUri);
    void nextMediaUriChanged(const QString &nextMediaUri);
    void targetUriChanged(const QString &targetUri);
    void languageChanged(const QString &language);
    void knownChanged(bool known);
    void endedChanged(bool ended);

    //! PlaybackStarted.
    void started();
    //! PlaybackContinuing: the next item of a media list started.
    void continuing();
    //! PlaybackFinished: the last signal; the object is deleted on the next event-loop turn.
    void finished();

private:
    Playback(const QString &id, Client *client, QObject *parent);
    friend class Private::Registry;
    friend class Private::RegistryPrivate;
    std::unique_ptr<PlaybackPrivate> d;
    Q_DECLARE_PRIVATE_D(d, Playback)
};

} // namespace QtAri
