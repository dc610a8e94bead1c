// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/qnamespace.h>

namespace QtAri::Inspector {

//! Item data roles shared by the Inspector's models (on top of Qt's display/tooltip roles).
enum Role {
    JsonRole = Qt::UserRole + 1, //!< QJsonObject: the raw ARI JSON behind the row
    IdRole, //!< QString: ARI id of the channel/bridge (empty for others)
    TypeRole, //!< QString: event type (event log) or "channel"/"bridge"
    IdsRole, //!< QStringList: every object id an event names
    SearchTextRole, //!< QString: compact JSON, for free-text filtering
    KindRole, //!< int NodeKind (bridge tree)
};

//! Columns of ChannelsModel.
enum class ChannelColumn {
    Name,
    State,
    Caller,
    Connected,
    Bridge,
    Duration,
    Application,
    Id,
    Count
};

//! Columns of BridgesModel (bridges at the top level, their channels below).
enum class BridgeColumn { Name, Type, Technology, Members, Id, Count };

//! Columns of EventLogModel.
enum class EventColumn { Time, Type, Application, Objects, Summary, Count };

//! Row kinds in BridgesModel.
enum class NodeKind { Bridge, Member };

//! MIME type for channel ids dragged from the channel view (one id per line).
inline constexpr char channelIdsMimeType[] = "application/x-qtari-channel-ids";

} // namespace QtAri::Inspector
