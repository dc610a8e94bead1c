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

    State state() const; //!< The playback's state.
    QString mediaUri() const; //!< The media playing now, e.g. "sound:hello-world".
    QString nextMediaUri() const; //!< The next media of a list, if any.
    //! "channel:<id>", "bridge:<id>" …
    QString targetUri() const;
    QString language() const; //!< The language the sounds are picked in.
    //! The live channel or bridge the playback plays to, if it is in the identity map.
    Channel *targetChannel() const;
    Bridge *targetBridge() const; //!< The bridge played to, or nullptr.
    bool isKnown() const; //!< False for an object from Client::newPlayback() until the server names it.
    bool isEnded() const; //!< True once PlaybackFinished has been handled.
    PlaybackInfo info() const; //!< The last snapshot Asterisk sent.

    static State stateFromString(QStringView state); //!< The State for Asterisk's state text; Unknown for other text.

Q_SIGNALS:
    void stateChanged(QtAri::Playback::State state); //!< Emitted when state changes (NOTIFY of the property).
    void mediaUriChanged(const QString &mediaUri); //!< Emitted when mediaUri changes (NOTIFY of the property).
    void nextMediaUriChanged(const QString &nextMediaUri); //!< Emitted when nextMediaUri changes (NOTIFY of the property).
    void targetUriChanged(const QString &targetUri); //!< Emitted when targetUri changes (NOTIFY of the property).
    void languageChanged(const QString &language); //!< Emitted when language changes (NOTIFY of the property).
    void knownChanged(bool known); //!< Emitted when known changes (NOTIFY of the property).
    void endedChanged(bool ended); //!< Emitted when ended changes (NOTIFY of the property).

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
