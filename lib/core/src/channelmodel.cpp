// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <QtAri/channelmodel.h>

#include <QtAri/bridge.h>
#include <QtAri/channel.h>
#include <QtAri/client.h>

#include "liverows_p.h"
#include "listingbatch_p.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QDateTime>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>

using namespace Qt::StringLiterals;

namespace QtAri {

namespace {

QString callerText(const CallerId &id)
{
    if (id.name().isEmpty())
        return id.number();
    if (id.number().isEmpty())
        return id.name();
    return id.name() + u" <"_s + id.number() + u'>';
}

qint64 secondsSince(const QDateTime &created, const QDateTime &until)
{
    if (!created.isValid())
        return 0;
    return qMax<qint64>(
        0, created.secsTo(until.isValid() ? until : QDateTime::currentDateTimeUtc()));
}

QString durationText(qint64 seconds)
{
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    const QChar zero(u'0');
    if (h > 0)
        return u"%1:%2:%3"_s.arg(h).arg(m, 2, 10, zero).arg(s, 2, 10, zero);
    return u"%1:%2"_s.arg(m).arg(s, 2, 10, zero);
}

// Asterisk runs a channel in Stasis as the dialplan application "Stasis" with "app,args…".
QString applicationOf(const Channel *channel)
{
    const DialplanCep dialplan = channel->dialplan();
    if (dialplan.appName().compare(u"Stasis"_s, Qt::CaseInsensitive) != 0)
        return QString();
    return dialplan.appData().section(u',', 0, 0);
}

} // namespace

class ChannelModelPrivate
{
public:
    explicit ChannelModelPrivate(ChannelModel *q) : q_ptr(q) { }

    void insert(const QList<Channel *> &channels);
    void add(Channel *channel);
    void remove(Channel *channel);
    void changed(Channel *channel);
    void reset(const QList<Channel *> &channels);
    void tick();

    ChannelModel *q_ptr;
    QTimer ticker;
    QDateTime until; // durations up to this time; invalid: now
    QPointer<Client> client;
    QList<QMetaObject::Connection> connections;
    Private::LiveRows<Channel> rows;
    Private::ListingBatch<Channel> listing { [this](const QList<Channel *> &channels) {
        insert(channels);
    } };
    Q_DECLARE_PUBLIC(ChannelModel)
};

void ChannelModelPrivate::insert(const QList<Channel *> &channels)
{
    Q_Q(ChannelModel);
    const int first = int(rows.size());
    q->beginInsertRows(QModelIndex(), first, first + int(channels.size()) - 1);
    for (Channel *channel : channels)
        rows.append(channel);
    q->endInsertRows();
    Q_EMIT q->countChanged(int(rows.size()));
}

void ChannelModelPrivate::add(Channel *channel)
{
    if (!channel || rows.contains(channel) || listing.holdBack(client, channel))
        return;
    insert({ channel });
}

void ChannelModelPrivate::remove(Channel *channel)
{
    Q_Q(ChannelModel);
    if (listing.remove(channel))
        return;
    const int row = rows.rowOf(channel);
    if (row < 0)
        return;
    q->beginRemoveRows(QModelIndex(), row, row);
    rows.removeAt(row);
    q->endRemoveRows();
    Q_EMIT q->countChanged(int(rows.size()));
}

void ChannelModelPrivate::changed(Channel *channel)
{
    Q_Q(ChannelModel);
    const int row = rows.rowOf(channel);
    if (row < 0)
        return;
    Q_EMIT q->dataChanged(q->index(row, 0), q->index(row, ChannelModel::ColumnCount - 1));
}

void ChannelModelPrivate::tick()
{
    Q_Q(ChannelModel);
    const int last = int(rows.size()) - 1;
    if (last < 0)
        return;
    // Widget views repaint the column; role readers of column 0 (QML delegates) see the role.
    Q_EMIT q->dataChanged(q->index(0, ChannelModel::DurationColumn),
                          q->index(last, ChannelModel::DurationColumn),
                          { Qt::DisplayRole, Qt::ToolTipRole, ChannelModel::DurationRole });
    Q_EMIT q->dataChanged(q->index(0, 0), q->index(last, 0), { ChannelModel::DurationRole });
}

void ChannelModelPrivate::reset(const QList<Channel *> &channels)
{
    Q_Q(ChannelModel);
    listing.clear();
    q->beginResetModel();
    rows.reset(channels);
    q->endResetModel();
    Q_EMIT q->countChanged(int(rows.size()));
}

ChannelModel::ChannelModel(QObject *parent) : ChannelModel(nullptr, parent) { }

ChannelModel::ChannelModel(Client *client, QObject *parent)
    : QAbstractTableModel(parent), d(std::make_unique<ChannelModelPrivate>(this))
{
    d->ticker.setParent(this); // follows the model to another thread
    auto *priv = d.get();
    connect(&d->ticker, &QTimer::timeout, this, [priv] { priv->tick(); });
    setClient(client);
}

ChannelModel::~ChannelModel() = default;

Client *ChannelModel::client() const { return d->client.data(); }

void ChannelModel::setClient(Client *client)
{
    if (!Private::rebindClient(d->client, d->connections, client))
        return;
    if (client) {
        auto *priv = d.get();
        d->connections = {
            connect(client, &ClientEvents::channelAdded, this,
                    [priv](Channel *channel) { priv->add(channel); }),
            connect(client, &ClientEvents::channelRemoved, this,
                    [priv](Channel *channel) { priv->remove(channel); }),
            connect(client, &ClientEvents::channelChanged, this,
                    [priv](Channel *channel) { priv->changed(channel); }),
            connect(client, &ClientEvents::liveObjectsCleared, this, [priv] { priv->reset({}); }),
            connect(client, &QObject::destroyed, this, [priv] { priv->reset({}); }),
        };
    }
    d->reset(client ? client->liveChannels() : QList<Channel *>());
    Q_EMIT clientChanged(client);
}

int ChannelModel::count() const { return int(d->rows.size()); }

int ChannelModel::durationInterval() const
{
    return d->ticker.isActive() ? d->ticker.interval() : 0;
}

QDateTime ChannelModel::durationsUntil() const
{
    return d->until;
}

void ChannelModel::setDurationsUntil(const QDateTime &until)
{
    if (until == d->until && until.isValid() == d->until.isValid())
        return;
    d->until = until;
    d->tick();
}

void ChannelModel::setDurationInterval(int milliseconds)
{
    milliseconds = qMax(0, milliseconds);
    if (milliseconds == durationInterval())
        return;
    if (milliseconds > 0)
        d->ticker.start(milliseconds);
    else
        d->ticker.stop();
    Q_EMIT durationIntervalChanged(milliseconds);
}

Channel *ChannelModel::channel(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    return d->rows.at(index.row());
}

Channel *ChannelModel::channelAt(int row) const
{
    return row >= 0 && row < d->rows.size() ? d->rows.at(row) : nullptr;
}

QModelIndex ChannelModel::indexOf(Channel *channel, int column) const
{
    const int row = d->rows.rowOf(channel);
    return row < 0 ? QModelIndex() : index(row, column);
}

int ChannelModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(d->rows.size());
}

int ChannelModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChannelModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    Channel *channel = d->rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case IdColumn: return channel->id();
        case NameColumn: return channel->name();
        case StateColumn: return Channel::stateToString(channel->state());
        case CallerColumn: return callerText(channel->caller());
        case ConnectedColumn: return callerText(channel->connected());
        case BridgeColumn: return channel->bridge() ? channel->bridge()->id() : QString();
        case DialplanColumn: {
            const DialplanCep dialplan = channel->dialplan();
            if (dialplan.context().isEmpty() && dialplan.exten().isEmpty())
                return QString();
            return dialplan.context() + u',' + dialplan.exten() + u','
                    + QString::number(dialplan.priority());
        }
        case CreationTimeColumn: return channel->creationTime();
        case DurationColumn: return durationText(secondsSince(channel->creationTime(), d->until));
        case ApplicationColumn: return applicationOf(channel);
        default: return {};
        }
    }
    switch (role) {
    case ChannelRole: return QVariant::fromValue<QObject *>(channel);
    case IdRole: return channel->id();
    case NameRole: return channel->name();
    case StateRole: return QVariant::fromValue(channel->state());
    case StateNameRole: return Channel::stateToString(channel->state());
    case CallerNameRole: return channel->caller().name();
    case CallerNumberRole: return channel->caller().number();
    case ConnectedNameRole: return channel->connected().name();
    case ConnectedNumberRole: return channel->connected().number();
    case BridgeIdRole: return channel->bridge() ? channel->bridge()->id() : QString();
    case DialplanContextRole: return channel->dialplan().context();
    case DialplanExtenRole: return channel->dialplan().exten();
    case DialplanPriorityRole: return channel->dialplan().priority();
    case DialplanAppRole: return channel->dialplan().appName();
    case CreationTimeRole: return channel->creationTime();
    case LanguageRole: return channel->language();
    case AccountCodeRole: return channel->accountCode();
    case InStasisRole: return channel->isInStasis();
    case DurationRole: return secondsSince(channel->creationTime(), d->until);
    case ApplicationRole: return applicationOf(channel);
    case BridgeNameRole: return channel->bridge() ? channel->bridge()->name() : QString();
    default: return {};
    }
}

QVariant ChannelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Id");
    case NameColumn: return tr("Name");
    case StateColumn: return tr("State");
    case CallerColumn: return tr("Caller");
    case ConnectedColumn: return tr("Connected");
    case BridgeColumn: return tr("Bridge");
    case DialplanColumn: return tr("Dialplan");
    case CreationTimeColumn: return tr("Created");
    case DurationColumn: return tr("Duration");
    case ApplicationColumn: return tr("Application");
    default: return {};
    }
}

QHash<int, QByteArray> ChannelModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({
            { ChannelRole, "channel" },
            { IdRole, "channelId" },
            { NameRole, "name" },
            { StateRole, "state" },
            { StateNameRole, "stateName" },
            { CallerNameRole, "callerName" },
            { CallerNumberRole, "callerNumber" },
            { ConnectedNameRole, "connectedName" },
            { ConnectedNumberRole, "connectedNumber" },
            { BridgeIdRole, "bridgeId" },
            { DialplanContextRole, "dialplanContext" },
            { DialplanExtenRole, "dialplanExten" },
            { DialplanPriorityRole, "dialplanPriority" },
            { DialplanAppRole, "dialplanApp" },
            { CreationTimeRole, "creationTime" },
            { LanguageRole, "language" },
            { AccountCodeRole, "accountCode" },
            { InStasisRole, "inStasis" },
            { DurationRole, "duration" },
            { ApplicationRole, "application" },
            { BridgeNameRole, "bridgeName" },
    });
    return names;
}

} // namespace QtAri
