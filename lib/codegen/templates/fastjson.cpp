#include "fastreaders_p.h"
#include "framedecoder_p.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonParseError>

namespace QtAri::Private {

namespace Fast {

bool parseWithQt(std::string_view raw, int depth, QJsonValue &out)
{
    // Wrapped in as many arrays as enclose it in the frame: Qt then sees the value as deep as it
    // is there (its nesting limit applies alike), and a scalar is a document too.
    const qsizetype wrap = std::max(1, depth);
    QByteArray text;
    text.reserve(qsizetype(raw.size()) + 2 * wrap);
    text.append(wrap, '[');
    text.append(raw.data(), qsizetype(raw.size()));
    text.append(wrap, ']');
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return false;
    QJsonValue value = document.array().at(0);
    for (qsizetype level = 1; level < wrap; ++level) {
        if (!value.isArray())
            return false;
        value = value.toArray().at(0);
    }
    out = value;
    return true;
}

bool readUnknown(std::string_view key, od::value &value, QJsonObject &unknown, Context &ctx)
{
    std::string_view raw;
    od::json_type type;
    if (value.type().get(type) != simdjson::SUCCESS)
        return false;
    switch (type) {
    case od::json_type::object: {
        od::object object;
        if (value.get_object().get(object) != simdjson::SUCCESS
            || object.raw_json().get(raw) != simdjson::SUCCESS)
            return false;
        break;
    }
    case od::json_type::array: {
        od::array array;
        if (value.get_array().get(array) != simdjson::SUCCESS
            || array.raw_json().get(raw) != simdjson::SUCCESS)
            return false;
        break;
    }
    default:
        raw = value.raw_json_token();
        break;
    }
    QJsonValue parsed;
    if (!parseWithQt(raw, ctx.depth, parsed))
        return false;
    // A second member of the same name replaces the first, as in Qt's own parse.
    unknown.insert(QString::fromUtf8(key.data(), qsizetype(key.size())), parsed);
    return true;
}

void SnapshotMemo::clear()
{
    for (auto &generation : m_channels)
        generation.clear();
    for (auto &generation : m_bridges)
        generation.clear();
}

} // namespace Fast

namespace {

bool onlySpace(const char *begin, const char *end)
{
    for (const char *p = begin; p < end; ++p) {
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            return false;
    }
    return true;
}

} // namespace

struct FrameDecoder::Parsers
{
    Fast::od::parser frame;
    Fast::od::parser sub;
    Fast::SnapshotMemo memo;
    Fast::Interner interner;
    bool useMemo = true;

    // The fast path; false when it does not take the frame (then nothing is decided yet).
    bool decode(const QByteArray &bytes, Event &out)
    {
        namespace od = Fast::od;
        const size_t capacity = size_t(bytes.capacity());
        od::document document;
        od::object object;
        std::string_view type;
        if (frame.iterate(bytes.constData(), size_t(bytes.size()), capacity).get(document)
                    != simdjson::SUCCESS
            || document.get_object().get(object) != simdjson::SUCCESS
            || object.find_field_unordered("type").get_string().get(type) != simdjson::SUCCESS)
            return false;
        const QString name = QString::fromUtf8(type.data(), qsizetype(type.size()));
        const EventType eventType = eventTypeFromName(name);
        // Unknown types keep only their JSON: Qt's parse of the whole frame is the check.
        if (eventType == EventType::Unknown)
            return false;
        // The object must be all of the frame but white space (simdjson 3.0's on-demand documents
        // do not tell trailing content themselves).
        std::string_view whole;
        document.rewind();
        if (document.get_object().get(object) != simdjson::SUCCESS
            || object.raw_json().get(whole) != simdjson::SUCCESS)
            return false;
        if (!onlySpace(bytes.constData(), whole.data())
            || !onlySpace(whole.data() + whole.size(), bytes.constData() + bytes.size()))
            return false;
        document.rewind();
        if (document.get_object().get(object) != simdjson::SUCCESS)
            return false;
        Fast::Context ctx;
        ctx.depth = 1;
        ctx.memo = useMemo ? &memo : nullptr;
        ctx.subParser = &sub;
        ctx.interner = &interner;
        ctx.bufferEnd = bytes.constData() + capacity;
        return Fast::decodeEvent(object, eventType, name, bytes, ctx, out);
    }
};

FrameDecoder::FrameDecoder(bool memo) : m_parsers(std::make_unique<Parsers>())
{
    m_parsers->useMemo = memo;
}

FrameDecoder::~FrameDecoder() = default;

QByteArray FrameDecoder::padded(const QByteArray &bytes)
{
    if (bytes.capacity() - bytes.size() >= qsizetype(simdjson::SIMDJSON_PADDING))
        return bytes;
    QByteArray copy;
    copy.reserve(bytes.size() + qsizetype(simdjson::SIMDJSON_PADDING));
    copy.append(bytes);
    return copy;
}

QByteArray FrameDecoder::utf8(QStringView frame)
{
    QByteArray bytes = frame.toUtf8();
    bytes.reserve(bytes.size() + qsizetype(simdjson::SIMDJSON_PADDING));
    return bytes;
}

void FrameDecoder::clearMemo() { m_parsers->memo.clear(); }

DecodedFrame FrameDecoder::decode(QByteArray bytes)
{
    bytes = padded(bytes);
    DecodedFrame result;
    Event event;
    if (m_parsers->decode(bytes, event)) {
        result.status = DecodedFrame::Status::Object;
        result.typeName = event.typeName();
        result.event = std::move(event);
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.status = DecodedFrame::Status::NotJson;
        result.parseError = parseError.errorString();
        return result;
    }
    if (!document.isObject()) {
        result.status = DecodedFrame::Status::NotObject;
        return result;
    }
    const QJsonObject object = document.object();
    result.status = DecodedFrame::Status::Object;
    result.typeName = object.value(QLatin1StringView("type")).toString();
    result.event = EventAccess::decodeSlowly(object, bytes);
    return result;
}

Result<Event> FrameDecoder::decodeEvent(const QByteArray &json)
{
    const QByteArray bytes = padded(json);
    Event event;
    if (m_parsers->decode(bytes, event))
        return event;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return Error(Error::Kind::InvalidResponse,
            QStringLiteral("ARI message is not JSON: ") + error.errorString());
    if (!doc.isObject())
        return Error(Error::Kind::InvalidResponse, QStringLiteral("ARI message is not an object"));
    return EventAccess::decodeSlowly(doc.object(), bytes);
}

} // namespace QtAri::Private
