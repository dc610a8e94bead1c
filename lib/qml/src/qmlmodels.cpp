// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "qmlmodels_p.h"

#include "qmlclient_p.h"
#include "qmlobjects_p.h"

#include <QtAri/Bridge>
#include <QtAri/BridgeModel>
#include <QtAri/Channel>
#include <QtAri/ChannelModel>
#include <QtAri/Client>

#include <QtCore/QDateTime>

using namespace Qt::StringLiterals;

namespace QtAri::Qml {

namespace {

template<typename Model, typename Signal>
void watchCount(Model *model, int *last, Signal changed)
{
    const auto check = [model, last, changed] {
        const int n = model->rowCount();
        if (n != *last) {
            *last = n;
            Q_EMIT(model->*changed)();
        }
    };
    QObject::connect(model, &QAbstractItemModel::rowsInserted, model, check);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, model, check);
    QObject::connect(model, &QAbstractItemModel::modelReset, model, check);
    QObject::connect(model, &QAbstractItemModel::layoutChanged, model, check);
}

} // namespace

// ---- QmlChannelModel ----------------------------------------------------------------------------

QmlChannelModel::QmlChannelModel(QObject *parent)
    : QSortFilterProxyModel(parent), m_source(new ChannelModel(this))
{
    setSourceModel(m_source);
    setDynamicSortFilter(true);
    watchCount(this, &m_lastCount, &QmlChannelModel::countChanged);
    m_source->setDurationInterval(1000);
    QObject::connect(m_source, &ChannelModel::durationIntervalChanged, this,
                     &QmlChannelModel::durationIntervalChanged);
}

QmlChannelModel::~QmlChannelModel() = default;

void QmlChannelModel::setClient(QmlClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    m_source->setClient(client ? client->core() : nullptr);
    Q_EMIT clientChanged();
}

void QmlChannelModel::setApplication(const QString &application)
{
    if (application == m_application)
        return;
    m_application = application;
    invalidateFilter();
    Q_EMIT applicationChanged();
}

void QmlChannelModel::setBridgeId(const QString &bridgeId)
{
    if (bridgeId == m_bridgeId)
        return;
    m_bridgeId = bridgeId;
    invalidateFilter();
    Q_EMIT bridgeIdChanged();
}

void QmlChannelModel::setStateFilter(const QString &state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateFilter();
    Q_EMIT stateChanged();
}

int QmlChannelModel::durationInterval() const
{
    return m_source->durationInterval();
}

void QmlChannelModel::setDurationInterval(int ms)
{
    m_source->setDurationInterval(ms); // the source ticks; its dataChanged() reaches the delegates
}

bool QmlChannelModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_application.isEmpty() && m_bridgeId.isEmpty() && m_state.isEmpty())
        return true;
    const Channel *c = m_source->channel(m_source->index(sourceRow, 0, sourceParent));
    if (!c)
        return false;
    if (!m_state.isEmpty() && Channel::stateToString(c->state()) != m_state)
        return false;
    if (!m_bridgeId.isEmpty() && (!c->bridge() || c->bridge()->id() != m_bridgeId))
        return false;
    if (!m_application.isEmpty()
        && m_source->index(sourceRow, 0, sourceParent).data(ChannelModel::ApplicationRole).toString()
                != m_application)
        return false;
    return true;
}

QObject *QmlChannelModel::get(int row) const
{
    if (!m_client)
        return nullptr;
    return m_client->wrap(m_source->channel(mapToSource(index(row, 0))));
}

QVariant QmlChannelModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case ChannelModel::ChannelRole:
        return QVariant::fromValue<QObject *>(get(index.row()));
    case ChannelModel::StateRole:
        return QSortFilterProxyModel::data(index, ChannelModel::StateNameRole);
    default:
        return QSortFilterProxyModel::data(index, role);
    }
}

QHash<int, QByteArray> QmlChannelModel::roleNames() const
{
    return m_source->roleNames(); // duration and application are the source's roles
}

// ---- QmlBridgeModel -----------------------------------------------------------------------------

QmlBridgeModel::QmlBridgeModel(QObject *parent)
    : QSortFilterProxyModel(parent), m_source(new BridgeModel(this))
{
    setSourceModel(m_source);
    setDynamicSortFilter(true);
    watchCount(this, &m_lastCount, &QmlBridgeModel::countChanged);
}

QmlBridgeModel::~QmlBridgeModel() = default;

void QmlBridgeModel::setClient(QmlClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    m_source->setClient(client ? client->core() : nullptr);
    Q_EMIT clientChanged();
}

void QmlBridgeModel::setBridgeType(const QString &type)
{
    if (type == m_type)
        return;
    m_type = type;
    invalidateFilter();
    Q_EMIT bridgeTypeChanged();
}

bool QmlBridgeModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_type.isEmpty() || sourceParent.isValid())
        return true;
    const Bridge *b = m_source->bridge(m_source->index(sourceRow, 0, sourceParent));
    return b && b->bridgeType() == m_type;
}

QObject *QmlBridgeModel::get(int row) const
{
    if (!m_client)
        return nullptr;
    return m_client->wrap(m_source->bridge(mapToSource(index(row, 0))));
}

QVariant QmlBridgeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case BridgeModel::BridgeRole: {
        Bridge *b = m_source->bridge(mapToSource(index));
        return QVariant::fromValue<QObject *>(m_client && b ? m_client->wrap(b) : nullptr);
    }
    case BridgeModel::ChannelRole: {
        Channel *c = m_source->channel(mapToSource(index));
        return QVariant::fromValue<QObject *>(m_client && c ? m_client->wrap(c) : nullptr);
    }
    case BridgeIdRole:
        return QSortFilterProxyModel::data(index.parent().isValid() ? index.parent() : index,
                                           BridgeModel::IdRole);
    case ChannelsRole: {
        QVariantList list;
        const Bridge *b = m_source->bridge(mapToSource(index));
        if (!m_client || !b || index.parent().isValid())
            return list;
        for (Channel *c : b->channels())
            list.append(QVariant::fromValue<QObject *>(m_client->wrap(c)));
        return list;
    }
    default:
        return QSortFilterProxyModel::data(index, role);
    }
}

QHash<int, QByteArray> QmlBridgeModel::roleNames() const
{
    QHash<int, QByteArray> names = m_source->roleNames();
    names.insert(BridgeIdRole, "bridgeId");
    names.insert(ChannelsRole, "channels");
    return names;
}

} // namespace QtAri::Qml
