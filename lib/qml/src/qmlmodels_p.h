// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QPointer>
#include <QtCore/QSortFilterProxyModel>
#include <QtQml/QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

namespace QtAri {
class BridgeModel;
class ChannelModel;
} // namespace QtAri

namespace QtAri::Qml {

class QmlClient;

//! \brief `ChannelModel`: the client's live channels for a ListView, with filters.
//!
//! Over QtAri::ChannelModel; the roles a delegate uses: channel (the QML Channel), channelId,
//! name, state ("Up" …), callerName, callerNumber, connectedName, connectedNumber, bridgeId,
//! bridgeName, application, duration (whole seconds since creation, ticking once a second),
//! creationTime, inStasis, dialplanContext, dialplanExten, dialplanPriority, dialplanApp,
//! language, accountCode (QtAri::ChannelModel's roles).
//! The filters (empty = all): application, bridgeId, state.
class QmlChannelModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_MOC_INCLUDE("qmlclient_p.h")
    QML_NAMED_ELEMENT(ChannelModel)
    Q_PROPERTY(QtAri::Qml::QmlClient *client READ client WRITE setClient NOTIFY clientChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    Q_PROPERTY(QString application READ application WRITE setApplication NOTIFY applicationChanged FINAL)
    Q_PROPERTY(QString bridgeId READ bridgeId WRITE setBridgeId NOTIFY bridgeIdChanged FINAL)
    Q_PROPERTY(QString state READ stateFilter WRITE setStateFilter NOTIFY stateChanged FINAL)
    //! Milliseconds between duration updates (0 stops them). Default 1000.
    Q_PROPERTY(int durationInterval READ durationInterval WRITE setDurationInterval NOTIFY durationIntervalChanged FINAL)
public:
    explicit QmlChannelModel(QObject *parent = nullptr);
    ~QmlChannelModel() override;

    QmlClient *client() const { return m_client; }
    void setClient(QmlClient *client);
    int count() const { return rowCount(); }
    QString application() const { return m_application; }
    void setApplication(const QString &application);
    QString bridgeId() const { return m_bridgeId; }
    void setBridgeId(const QString &bridgeId);
    QString stateFilter() const { return m_state; }
    void setStateFilter(const QString &state);
    int durationInterval() const;
    void setDurationInterval(int ms);

    //! The QML Channel of \a row, or null.
    Q_INVOKABLE QObject *get(int row) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void clientChanged();
    void countChanged();
    void applicationChanged();
    void bridgeIdChanged();
    void stateChanged();
    void durationIntervalChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    ChannelModel *m_source;
    QPointer<QmlClient> m_client;
    QString m_application, m_bridgeId, m_state;
    int m_lastCount = 0;
};

//! \brief `BridgeModel`: the client's live bridges (one row each) for a ListView.
//!
//! Roles: bridge (the QML Bridge), bridgeId, name, bridgeType, technology, creator,
//! channelCount, channelIds, channels (the member QML Channels), creationTime.
class QmlBridgeModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_MOC_INCLUDE("qmlclient_p.h")
    QML_NAMED_ELEMENT(BridgeModel)
    Q_PROPERTY(QtAri::Qml::QmlClient *client READ client WRITE setClient NOTIFY clientChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countChanged FINAL)
    //! Only bridges of this type ("mixing", "holding"); empty = all.
    Q_PROPERTY(QString bridgeType READ bridgeType WRITE setBridgeType NOTIFY bridgeTypeChanged FINAL)
public:
    enum Roles {
        BridgeIdRole = Qt::UserRole + 500,
        ChannelsRole,
    };
    Q_ENUM(Roles)

    explicit QmlBridgeModel(QObject *parent = nullptr);
    ~QmlBridgeModel() override;

    QmlClient *client() const { return m_client; }
    void setClient(QmlClient *client);
    int count() const { return rowCount(); }
    QString bridgeType() const { return m_type; }
    void setBridgeType(const QString &type);

    //! The QML Bridge of \a row, or null.
    Q_INVOKABLE QObject *get(int row) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void clientChanged();
    void countChanged();
    void bridgeTypeChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    BridgeModel *m_source;
    QPointer<QmlClient> m_client;
    QString m_type;
    int m_lastCount = 0;
};

} // namespace QtAri::Qml
