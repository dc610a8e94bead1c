// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/QAbstractTableModel>
#include <QtCore/QByteArray>
#include <QtCore/QCache>
#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QJsonObject>
#include <QtCore/QStringList>

#include <vector>

namespace QtAri::Inspector {

//! \brief A recording (the traces' .jsonl, or one the Inspector wrote) as a read-only event log.
//!
//! Made for files of millions of lines: open() maps the file (QFile::map) and only indexes where
//! each line starts; a row is parsed when a view asks for it and kept in a small cache. One row
//! per event frame or REST line; the QtAriRecording line is header(). A line that cannot be an
//! object (it does not start with '{' and end with '}', e.g. a line cut off when the program
//! died) is skipped with a warning on "qtari.inspector" while indexing; one that still does not
//! parse shows as a "(malformed)" row, with a warning, when first shown. Columns and roles are the
//! live EventLogModel's (EventColumn, JsonRole, TypeRole, IdsRole, SearchTextRole).
class RecordingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit RecordingModel(QObject *parent = nullptr);
    ~RecordingModel() override;

    //! Opens \a fileName (the previous file is closed). False, with \a error, when it cannot be
    //! read or mapped.
    bool open(const QString &fileName, QString *error = nullptr);
    void close();
    QString fileName() const { return m_file.fileName(); }

    //! The QtAriRecording line, if the file starts with one.
    QJsonObject header() const { return m_header; }
    //! Stasis applications of the recording: the header's, or those the first events name.
    QStringList applications() const { return m_applications; }
    //! Lines skipped while indexing (not an object).
    qsizetype skippedLines() const { return m_skipped; }

    //! The bytes of row \a row's line (no newline); valid while the file is open.
    QByteArray lineAt(int row) const;
    //! The 0-based line number in the file of row \a row.
    qsizetype lineNumberOf(int row) const;
    //! Every line of the file up to and including row \a row (empty for -1), as raw data over the
    //! mapping: for the simulator that shows the tables at that moment. Valid while open.
    QList<QByteArray> linesUpTo(int row) const;
    //! Lines of rows [\a first, \a last] (raw data over the mapping, valid while open).
    QList<QByteArray> linesBetween(int first, int last) const;
    //! The first row from \a from on (wrapping around to the top) whose line contains \a text,
    //! byte for byte (case-sensitive, nothing parsed: a search through a million rows reads the
    //! mapping once); -1 when none does.
    int findNext(const QByteArray &text, int from) const;
    //! When row \a row happened: its timestamp, or that of the nearest row before it with one
    //! (invalid when none has).
    QDateTime timeAt(int row) const;
    //! Row \a row parsed (an empty object for a malformed line).
    QJsonObject json(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        QDateTime time;
        QString type;
        QString application;
        QStringList ids;
        QString summary;
        QJsonObject json;
    };
    const Entry *entry(int row) const;
    Entry makeEntry(int row) const;
    QByteArray rawLine(qsizetype start, qsizetype end) const;

    QFile m_file;
    const char *m_data = nullptr;
    qsizetype m_size = 0;
    QByteArray m_fallback; // a file that cannot be mapped (empty files, pipes) is read instead
    std::vector<qint64> m_starts; // per row: where its line starts
    std::vector<qint64> m_ends; // per row: where it ends (before '\n' / "\r\n")
    std::vector<qint64> m_lineNumbers; // per row: its line in the file
    QJsonObject m_header;
    QStringList m_applications;
    qsizetype m_skipped = 0;
    mutable QCache<int, Entry> m_cache { 4000 };
};

//! One line's REST summary: "GET channels → 404 Not Found" (for RESTRequest/RESTResponse).
QString restSummary(const QJsonObject &line);

} // namespace QtAri::Inspector
