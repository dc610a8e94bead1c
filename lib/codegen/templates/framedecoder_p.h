// Event frames from bytes to Events (private, never installed). Light to include: simdjson stays
// behind the implementation.

#include <QtAri/events.h>
#include <QtAri/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <memory>
#include <optional>

namespace QtAri::Private {

//! What became of one event frame.
struct DecodedFrame
{
    enum class Status { Object, NotJson, NotObject };
    Status status = Status::NotJson;
    //! For NotJson: Qt's reason.
    QString parseError;
    //! For Object: the event, or why it could not be decoded.
    std::optional<Result<Event>> event;
    //! For Object: its "type" member as a string (empty when absent or not a string).
    QString typeName;
};

//! Decodes frames with simdjson straight into the event structs; a frame the fast path cannot take
//! exactly (see fastjson_p.h) is decoded with QJsonDocument and Event::decode(QJsonObject), as
//! before. The Event keeps the bytes: its json() is parsed from them when first asked for. One per
//! thread that decodes; not thread-safe.
class FrameDecoder
{
public:
    //! \a memo: keep recent channel and bridge snapshots to decode repeated ones only once.
    explicit FrameDecoder(bool memo = true);
    ~FrameDecoder();
    FrameDecoder(const FrameDecoder &) = delete;
    FrameDecoder &operator=(const FrameDecoder &) = delete;

    //! The UTF-8 bytes of \a frame in a buffer with the room simdjson reads past the end.
    static QByteArray utf8(QStringView frame);
    //! \a bytes as a buffer with that room (shared when it has it already).
    static QByteArray padded(const QByteArray &bytes);

    //! Decodes \a bytes (best from utf8() or padded(): other buffers are copied once).
    DecodedFrame decode(QByteArray bytes);
    //! As Event::decode(QByteArray): the same errors.
    Result<Event> decodeEvent(const QByteArray &bytes);

    //! Drops the remembered snapshots.
    void clearMemo();

private:
    struct Parsers;
    std::unique_ptr<Parsers> m_parsers;
};

//! Internals of Event that the client and the registry use.
struct EventAccess
{
    //! Whether \a a and \a b are the same frame: the same bytes when both were decoded from bytes,
    //! else the same JSON.
    static bool sameFrame(const Event &a, const Event &b);
    //! The "asterisk_id" of a decoded event of a known type, if it had one.
    static std::optional<QString> asteriskId(const Event &event);
    //! The bytes \a event was decoded from (empty for one decoded from a QJsonObject).
    static QByteArray bytes(const Event &event);

    // For the decoders.
    static Event fromData(EventPrivate *data);
    static void keepBytes(Event &event, const QByteArray &bytes);
    //! Event::decode(\a object), keeping \a bytes (the frame \a object was parsed from).
    static Result<Event> decodeSlowly(const QJsonObject &object, const QByteArray &bytes);
};

} // namespace QtAri::Private
