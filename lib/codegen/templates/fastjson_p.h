// The fast decoders: one simdjson on-demand pass over a frame's bytes, straight into the typed
// structs (private, never installed; only the generated sources and fastjson.cpp include it).
//
// The fast path only takes what it can decode exactly as the QJsonObject path does. Anything else
// (a parse error, a wrong type, a missing required field, a duplicate key, an integer written as
// 5.0, a number out of range, …) makes a reader return false, and the caller decodes the same
// bytes again with QJsonDocument and the generated fromJson(): errors, warnings and the odd
// accepted form stay exactly what they were.

#include "codegen_p.h"

#include <QtAri/bridgeinfo.h>
#include <QtAri/channelinfo.h>

#include <QtCore/QHash>
#include <QtCore/QJsonDocument>

#include <simdjson.h>

#include <cstring>
#include <string_view>
#include <type_traits>

namespace QtAri::Private::Fast {

namespace od = simdjson::ondemand;

class SnapshotMemo;

//! One QString per recent value of the fields that repeat across objects and events (states,
//! contexts, extensions, application names, languages: config.json's internedFields), so the
//! objects share them and decoding them allocates nothing. A direct-mapped table: a value whose
//! slot another one took is made again.
class Interner
{
public:
    QString get(std::string_view text)
    {
        if (text.empty() || text.size() > kMaxLength)
            return QString::fromUtf8(text.data(), qsizetype(text.size()));
        quint32 hash = 2166136261u; // FNV-1a
        for (const char c : text) {
            hash ^= quint8(c);
            hash *= 16777619u;
        }
        Slot &slot = m_slots[hash % kSlots];
        if (slot.length != text.size() || std::memcmp(slot.key, text.data(), text.size()) != 0) {
            slot.length = quint8(text.size());
            std::memcpy(slot.key, text.data(), text.size());
            slot.value = QString::fromUtf8(text.data(), qsizetype(text.size()));
        }
        return slot.value;
    }

private:
    static constexpr size_t kMaxLength = 47;
    static constexpr size_t kSlots = 512;
    struct Slot
    {
        quint8 length = 0;
        char key[kMaxLength];
        QString value;
    };
    Slot m_slots[kSlots];
};

//! State shared by the readers of one frame.
struct Context
{
    //! How many JSON containers enclose the value being read (the event object counts): a value
    //! handed to QJsonDocument is wrapped as deep, so Qt's nesting limit applies as in the frame.
    int depth = 0;
    //! Recent snapshots by their bytes (nullptr: decode every time).
    SnapshotMemo *memo = nullptr;
    //! Shares the values of the interned fields (nullptr: a QString each time).
    Interner *interner = nullptr;
    //! Decodes the sub-objects the memo has not seen; busy while one is decoded.
    od::parser *subParser = nullptr;
    bool inSubDocument = false;
    //! One past the last readable byte of the frame's buffer (simdjson reads ahead).
    const char *bufferEnd = nullptr;
};

//! Qt's reading of \a raw (one JSON value cut from the frame), as deep as \a depth containers.
bool parseWithQt(std::string_view raw, int depth, QJsonValue &out);

//! Adds the member \a key (not described by the spec) to \a unknown, read by Qt.
bool readUnknown(std::string_view key, od::value &value, QJsonObject &unknown, Context &ctx);

template <class T> struct Reader; // generated for each model and message: read(od::object &, T &, Context &)

inline bool readValue(od::value &value, QString &out, Context &)
{
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS)
        return false;
    out = QString::fromUtf8(text.data(), qsizetype(text.size()));
    return true;
}

//! readValue() for a field listed in config.json's internedFields.
inline bool readInterned(od::value &value, QString &out, Context &ctx)
{
    if (!ctx.interner)
        return readValue(value, out, ctx);
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS)
        return false;
    out = ctx.interner->get(text);
    return true;
}

inline bool readInterned(od::value &value, std::optional<QString> &out, Context &ctx)
{
    QString text;
    if (!readInterned(value, text, ctx))
        return false;
    out = std::move(text);
    return true;
}

inline bool readInt64(od::value &value, qint64 &out)
{
    // Integers only: 5.0 or 1e3 are left to the QJsonObject path, which accepts what it accepts.
    od::number_type type;
    if (value.get_number_type().get(type) != simdjson::SUCCESS
        || type != od::number_type::signed_integer)
        return false;
    int64_t number = 0;
    if (value.get_int64().get(number) != simdjson::SUCCESS)
        return false;
    out = number;
    return true;
}

inline bool readValue(od::value &value, qint64 &out, Context &) { return readInt64(value, out); }

inline bool readValue(od::value &value, int &out, Context &)
{
    qint64 number = 0;
    if (!readInt64(value, number) || number < std::numeric_limits<int>::min()
        || number > std::numeric_limits<int>::max())
        return false;
    out = int(number);
    return true;
}

inline bool readValue(od::value &value, double &out, Context &)
{
    od::number_type type;
    if (value.get_number_type().get(type) != simdjson::SUCCESS)
        return false;
    if (type == od::number_type::floating_point_number)
        return value.get_double().get(out) == simdjson::SUCCESS;
    if (type == od::number_type::signed_integer) {
        int64_t number = 0;
        if (value.get_int64().get(number) != simdjson::SUCCESS)
            return false;
        out = double(number); // as QJsonValue::toDouble() on an integer
        return true;
    }
    return false; // a big unsigned integer: Qt's parser reads it differently
}

inline bool readValue(od::value &value, bool &out, Context &)
{
    return value.get_bool().get(out) == simdjson::SUCCESS;
}

inline bool readValue(od::value &value, QDateTime &out, Context &)
{
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS)
        return false;
    return parseAriDate(QString::fromUtf8(text.data(), qsizetype(text.size())), out);
}

inline bool readValue(od::value &value, QJsonObject &out, Context &ctx)
{
    od::object object;
    std::string_view raw;
    if (value.get_object().get(object) != simdjson::SUCCESS
        || object.raw_json().get(raw) != simdjson::SUCCESS)
        return false;
    QJsonValue parsed;
    if (!parseWithQt(raw, ctx.depth, parsed) || !parsed.isObject())
        return false;
    out = parsed.toObject();
    return true;
}

template <class T> bool readValue(od::value &value, QList<T> &out, Context &ctx);

inline bool readValue(od::value &value, QStringList &out, Context &ctx)
{
    return readValue<QString>(value, static_cast<QList<QString> &>(out), ctx);
}

//! Recent channel and bridge snapshots by their exact bytes: every event about a channel carries
//! all of it, and most carry it unchanged, so the same bytes give back the same shared value (the
//! live object then sees a snapshot identical to its own and compares nothing). Two generations
//! bound the memory: when the young one is full, it becomes the old one and the old one goes.
class SnapshotMemo
{
public:
    template <class T> QHash<QByteArray, T> &young();
    template <class T> QHash<QByteArray, T> &old();

    template <class T> bool find(std::string_view raw, T &out)
    {
        const QByteArray key = QByteArray::fromRawData(raw.data(), qsizetype(raw.size()));
        auto &y = young<T>();
        if (const auto it = y.constFind(key); it != y.constEnd()) {
            out = it.value();
            return true;
        }
        auto &o = old<T>();
        if (const auto it = o.constFind(key); it != o.constEnd()) {
            out = it.value();
            remember(raw, out); // still in use: keep it for one more generation
            return true;
        }
        return false;
    }

    template <class T> void remember(std::string_view raw, const T &value)
    {
        auto &y = young<T>();
        if (y.size() >= kGeneration)
            old<T>() = std::exchange(y, {});
        y.insert(QByteArray(raw.data(), qsizetype(raw.size())), value);
    }

    void clear();

private:
    static constexpr qsizetype kGeneration = 1024;
    QHash<QByteArray, ChannelInfo> m_channels[2];
    QHash<QByteArray, BridgeInfo> m_bridges[2];
};

template <> inline QHash<QByteArray, ChannelInfo> &SnapshotMemo::young() { return m_channels[0]; }
template <> inline QHash<QByteArray, ChannelInfo> &SnapshotMemo::old() { return m_channels[1]; }
template <> inline QHash<QByteArray, BridgeInfo> &SnapshotMemo::young() { return m_bridges[0]; }
template <> inline QHash<QByteArray, BridgeInfo> &SnapshotMemo::old() { return m_bridges[1]; }

template <class T> constexpr bool memoized = std::is_same_v<T, ChannelInfo> || std::is_same_v<T, BridgeInfo>;

//! Reads a model-typed value (an object).
template <class T> bool readValue(od::value &value, T &out, Context &ctx)
{
    od::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS)
        return false;
    if constexpr (memoized<T>) {
        if (ctx.memo && ctx.subParser && !ctx.inSubDocument) {
            std::string_view raw;
            if (object.raw_json().get(raw) != simdjson::SUCCESS)
                return false;
            if (ctx.memo->find(raw, out))
                return true;
            // Not seen lately: decode these bytes on their own (the frame's buffer stays
            // readable past them, as simdjson needs).
            od::document sub;
            od::object subObject;
            const size_t capacity = size_t(ctx.bufferEnd - raw.data());
            if (ctx.subParser->iterate(raw.data(), raw.size(), capacity).get(sub) != simdjson::SUCCESS
                || sub.get_object().get(subObject) != simdjson::SUCCESS)
                return false;
            ctx.inSubDocument = true;
            ++ctx.depth;
            // raw is one whole object (raw_json() said so): nothing trails it.
            const bool ok = Reader<T>::read(subObject, out, ctx);
            --ctx.depth;
            ctx.inSubDocument = false;
            if (ok)
                ctx.memo->remember(raw, out);
            return ok;
        }
    }
    ++ctx.depth;
    const bool ok = Reader<T>::read(object, out, ctx);
    --ctx.depth;
    return ok;
}

template <class T> bool readValue(od::value &value, QList<T> &out, Context &ctx)
{
    od::array array;
    if (value.get_array().get(array) != simdjson::SUCCESS)
        return false;
    out.clear();
    ++ctx.depth;
    for (auto element : array) {
        od::value item;
        T decoded;
        if (std::move(element).get(item) != simdjson::SUCCESS || !readValue(item, decoded, ctx)) {
            --ctx.depth;
            return false;
        }
        out.append(std::move(decoded));
    }
    --ctx.depth;
    return true;
}

template <class T> bool readValue(od::value &value, std::optional<T> &out, Context &ctx)
{
    T decoded;
    if (!readValue(value, decoded, ctx))
        return false;
    out = std::move(decoded);
    return true;
}

} // namespace QtAri::Private::Fast
