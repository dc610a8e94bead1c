// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "recordingmodel.h"

#include "ariformat.h"
#include "eventlogmodel.h"
#include "roles.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QLoggingCategory>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcInspector)

namespace QtAri::Inspector {

namespace {

    // Applications named by the first lines, found without parsing them.
    void collectApplication(QByteArrayView line, QStringList *apps)
    {
        static const QByteArray key = "\"application\":\"";
        const qsizetype at = line.indexOf(key);
        if (at < 0)
            return;
        const qsizetype from = at + key.size();
        const qsizetype to = line.indexOf('"', from);
        if (to <= from)
            return;
        const QString name = QString::fromUtf8(line.sliced(from, to - from));
        if (!apps->contains(name))
            apps->append(name);
    }

} // namespace

QString restSummary(const QJsonObject &line)
{
    const QString type = line.value("type"_L1).toString();
    const QString uri = line.value("uri"_L1).toString();
    if (type == "RESTRequest"_L1) {
        QStringList query;
        for (const QJsonValue &v : line.value("query_strings"_L1).toArray()) {
            const QJsonObject q = v.toObject();
            query.append(q.value("name"_L1).toString() + u'=' + q.value("value"_L1).toString());
        }
        QString text = line.value("method"_L1).toString() + u' ' + uri;
        if (!query.isEmpty())
            text += u'?' + query.join(u'&');
        return text;
    }
    const int status = line.value("status_code"_L1).toInt();
    if (status == 0) {
        const QJsonObject error = line.value("qtari_error"_L1).toObject();
        return RecordingModel::tr("%1: no answer (%2: %3)")
            .arg(uri, error.value("kind"_L1).toString(), error.value("message"_L1).toString());
    }
    return u"%1 → %2 %3"_s.arg(uri).arg(status).arg(line.value("reason_phrase"_L1).toString());
}

RecordingModel::RecordingModel(QObject *parent) : QAbstractTableModel(parent) { }

RecordingModel::~RecordingModel() = default;

void RecordingModel::close()
{
    beginResetModel();
    m_cache.clear();
    m_starts.clear();
    m_ends.clear();
    m_lineNumbers.clear();
    m_header = {};
    m_applications.clear();
    m_skipped = 0;
    if (m_data && m_fallback.isEmpty())
        m_file.unmap(reinterpret_cast<uchar *>(const_cast<char *>(m_data)));
    m_data = nullptr;
    m_size = 0;
    m_fallback.clear();
    m_file.close();
    endResetModel();
}

bool RecordingModel::open(const QString &fileName, QString *error)
{
    close();
    beginResetModel();
    m_file.setFileName(fileName);
    if (!m_file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = m_file.errorString();
        endResetModel();
        return false;
    }
    m_size = m_file.size();
    if (m_size > 0) {
        if (uchar *mapped = m_file.map(0, m_size)) {
            m_data = reinterpret_cast<const char *>(mapped);
        } else {
            m_fallback = m_file.readAll();
            m_data = m_fallback.constData();
            m_size = m_fallback.size();
        }
    }
    // Index the lines: one pass of memchr over the mapping, nothing parsed.
    const qsizetype expected = m_size / 600 + 16;
    m_starts.reserve(size_t(expected));
    m_ends.reserve(size_t(expected));
    m_lineNumbers.reserve(size_t(expected));
    qint64 pos = 0;
    qint64 lineNumber = 0;
    while (pos < m_size) {
        const void *nl = std::memchr(m_data + pos, '\n', size_t(m_size - pos));
        const qint64 next = nl ? qint64(static_cast<const char *>(nl) - m_data) : m_size;
        qint64 start = pos;
        qint64 end = next;
        while (start < end && (m_data[start] == ' ' || m_data[start] == '\t'))
            ++start;
        while (end > start
            && (m_data[end - 1] == '\r' || m_data[end - 1] == ' ' || m_data[end - 1] == '\t'))
            --end;
        if (end > start) {
            const QByteArrayView line(m_data + start, end - start);
            QJsonObject header;
            if (m_starts.empty() && m_header.isEmpty() && line.contains("\"QtAriRecording\""))
                header = QJsonDocument::fromJson(rawLine(start, end)).object();
            if (line.front() != '{' || line.back() != '}') {
                qCWarning(lcInspector).nospace().noquote()
                    << fileName << ":" << lineNumber + 1 << ": not a JSON object, skipped";
                ++m_skipped;
            } else if (header.value("type"_L1).toString() == "QtAriRecording"_L1) {
                m_header = header; // not a row
            } else {
                m_starts.push_back(start);
                m_ends.push_back(end);
                m_lineNumbers.push_back(lineNumber);
                if (m_starts.size() <= 2000)
                    collectApplication(line, &m_applications);
            }
        }
        ++lineNumber;
        pos = next + 1;
    }
    const QStringList fromHeader = [this] {
        QStringList out;
        for (const QJsonValue &v : m_header.value("applications"_L1).toArray())
            out.append(v.toString());
        return out;
    }();
    if (!fromHeader.isEmpty())
        m_applications = fromHeader;
    endResetModel();
    return true;
}

QByteArray RecordingModel::rawLine(qsizetype start, qsizetype end) const
{
    return QByteArray::fromRawData(m_data + start, end - start);
}

QByteArray RecordingModel::lineAt(int row) const
{
    if (row < 0 || size_t(row) >= m_starts.size())
        return {};
    return rawLine(m_starts[size_t(row)], m_ends[size_t(row)]);
}

qsizetype RecordingModel::lineNumberOf(int row) const
{
    if (row < 0 || size_t(row) >= m_lineNumbers.size())
        return -1;
    return m_lineNumbers[size_t(row)];
}

QList<QByteArray> RecordingModel::linesBetween(int first, int last) const
{
    QList<QByteArray> out;
    first = std::max(first, 0);
    last = std::min(last, rowCount() - 1);
    if (last < first)
        return out;
    out.reserve(last - first + 1);
    for (int row = first; row <= last; ++row)
        out.append(lineAt(row));
    return out;
}

QList<QByteArray> RecordingModel::linesUpTo(int row) const
{
    return linesBetween(0, row);
}

int RecordingModel::findNext(const QByteArray &text, int from) const
{
    const int rows = rowCount();
    if (text.isEmpty() || rows == 0)
        return -1;
    from = std::clamp(from, 0, rows - 1);
    for (int i = 0; i < rows; ++i) {
        const int row = (from + i) % rows;
        if (QByteArrayView(
                m_data + m_starts[size_t(row)], m_ends[size_t(row)] - m_starts[size_t(row)])
                .contains(text))
            return row;
    }
    return -1;
}

RecordingModel::Entry RecordingModel::makeEntry(int row) const
{
    Entry e;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(lineAt(row), &error);
    if (!doc.isObject()) {
        qCWarning(lcInspector).nospace().noquote()
            << m_file.fileName() << ":" << lineNumberOf(row) + 1 << ": malformed line ("
            << error.errorString() << ")";
        e.type = tr("(malformed)");
        e.summary = tr("line %1: %2").arg(lineNumberOf(row) + 1).arg(error.errorString());
        return e;
    }
    e.json = doc.object();
    e.time = parseAriTime(e.json.value("timestamp"_L1).toString());
    e.type = e.json.value("type"_L1).toString();
    e.application = e.json.value("application"_L1).toString();
    if (e.type == "RESTRequest"_L1 || e.type == "RESTResponse"_L1) {
        e.summary = restSummary(e.json);
        e.ids = { e.json.value("request_id"_L1).toString() };
    } else {
        e.ids = eventObjectIds(e.json);
        e.summary = eventSummary(e.json);
    }
    return e;
}

const RecordingModel::Entry *RecordingModel::entry(int row) const
{
    if (Entry *cached = m_cache.object(row))
        return cached;
    auto *e = new Entry(makeEntry(row));
    m_cache.insert(row, e);
    return e;
}

QDateTime RecordingModel::timeAt(int row) const
{
    // Lines without a timestamp (a malformed one) take the time of the line before.
    for (int r = std::min(row, rowCount() - 1), looked = 0; r >= 0 && looked < 1000; --r, ++looked) {
        if (const Entry *e = entry(r); e && e->time.isValid())
            return e->time;
    }
    return {};
}

QJsonObject RecordingModel::json(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return entry(row)->json;
}

int RecordingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_starts.size());
}

int RecordingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(EventColumn::Count);
}

QVariant RecordingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == SearchTextRole)
        return QString::fromUtf8(lineAt(index.row()));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != JsonRole && role != TypeRole
        && role != IdsRole)
        return {};
    const Entry &e = *entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (EventColumn(index.column())) {
        case EventColumn::Time:
            return e.time.isValid() ? e.time.toLocalTime().toString(u"HH:mm:ss.zzz"_s) : QString();
        case EventColumn::Type:
            return e.type;
        case EventColumn::Application:
            return e.application;
        case EventColumn::Objects:
            return e.ids.join(u", "_s);
        case EventColumn::Summary:
            return e.summary;
        case EventColumn::Count:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (EventColumn(index.column()) == EventColumn::Time)
            return e.time.toString(Qt::ISODateWithMs);
        return data(index, Qt::DisplayRole);
    case JsonRole:
        return e.json;
    case TypeRole:
        return e.type;
    case IdsRole:
        return e.ids;
    default:
        return {};
    }
}

QVariant RecordingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString title = EventLogModel::columnTitle(section); // the live log's columns
    return title.isEmpty() ? QVariant() : QVariant(title);
}

} // namespace QtAri::Inspector
