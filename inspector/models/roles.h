// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/BridgeModel>
#include <QtAri/ChannelModel>

#include <QtCore/qnamespace.h>

namespace QtAri::Inspector {

//! Item data roles shared by the Inspector's models (on top of Qt's display/tooltip roles). They
//! start well above the roles of QtAri::ChannelModel and BridgeModel, which the channel and bridge
//! views pass through.
enum Role {
    JsonRole = Qt::UserRole + 1000, //!< QJsonObject: the raw ARI JSON behind the row
    IdRole, //!< QString: ARI id of the channel/bridge (empty for others)
    TypeRole, //!< QString: event type (event log) or "channel"/"bridge"
    IdsRole, //!< QStringList: every object id an event names
    SearchTextRole, //!< QString: compact JSON, for free-text filtering
    KindRole, //!< int NodeKind (bridge tree)
    SortRole, //!< what the channel table sorts by (seconds for the duration, else the text)
};

//! Columns of ChannelsModel: QtAri::ChannelModel's (the view shows them in the order below and
//! hides the creation time).
enum class ChannelColumn {
    Name = QtAri::ChannelModel::NameColumn,
    State = QtAri::ChannelModel::StateColumn,
    Caller = QtAri::ChannelModel::CallerColumn,
    Connected = QtAri::ChannelModel::ConnectedColumn,
    Bridge = QtAri::ChannelModel::BridgeColumn,
    Duration = QtAri::ChannelModel::DurationColumn,
    Application = QtAri::ChannelModel::ApplicationColumn,
    Dialplan = QtAri::ChannelModel::DialplanColumn,
    Id = QtAri::ChannelModel::IdColumn,
    Created = QtAri::ChannelModel::CreationTimeColumn,
    Count = QtAri::ChannelModel::ColumnCount
};

//! The channel table's columns from left to right (Created is hidden).
inline constexpr ChannelColumn channelColumnOrder[] = { ChannelColumn::Name,
    ChannelColumn::State, ChannelColumn::Caller, ChannelColumn::Connected, ChannelColumn::Bridge,
    ChannelColumn::Duration, ChannelColumn::Application, ChannelColumn::Dialplan,
    ChannelColumn::Id };

//! Columns of BridgesModel (bridges at the top level, their channels below): QtAri::BridgeModel's
//! (the view shows them in the order below and hides the rest).
enum class BridgeColumn {
    Name = QtAri::BridgeModel::NameColumn,
    Type = QtAri::BridgeModel::TypeColumn,
    Technology = QtAri::BridgeModel::TechnologyColumn,
    Members = QtAri::BridgeModel::ChannelCountColumn,
    Creator = QtAri::BridgeModel::CreatorColumn,
    Id = QtAri::BridgeModel::IdColumn,
    VideoSource = QtAri::BridgeModel::VideoSourceColumn,
    Created = QtAri::BridgeModel::CreationTimeColumn,
    Count = QtAri::BridgeModel::ColumnCount
};

//! The bridge tree's columns from left to right (the video source and creation time are hidden).
inline constexpr BridgeColumn bridgeColumnOrder[] = { BridgeColumn::Name, BridgeColumn::Type,
    BridgeColumn::Technology, BridgeColumn::Members, BridgeColumn::Creator, BridgeColumn::Id };

//! Columns of EventLogModel.
enum class EventColumn { Time, Type, Application, Objects, Summary, Count };

//! Row kinds in BridgesModel.
enum class NodeKind { Bridge, Member };

//! MIME type for channel ids dragged from the channel view (one id per line).
inline constexpr char channelIdsMimeType[] = "application/x-qtari-channel-ids";

} // namespace QtAri::Inspector
