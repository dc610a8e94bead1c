// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtAri/error.h>

#include <type_traits>
#include <utility>
#include <variant>

namespace QtAri {

//! \brief A value of type T or the Error that prevented it.
//!
//! Mirrors the std::expected surface (has_value(), operator bool, value(), error(), operator*,
//! operator->) so that it can become an alias once C++23 is our floor. Default-constructed, it holds
//! a value-initialised T. Calling value() on an error, or error() on a value, is a programming
//! error: it asserts in debug builds and returns a default object in release builds.
template<typename T>
class Result
{
public:
    using value_type = T; //!< T.
    using error_type = Error; //!< Error.

    Result() : m_data(std::in_place_index<0>) { }
    Result(const T &value) : m_data(std::in_place_index<0>, value) { } //!< Holds \a value.
    Result(T &&value) : m_data(std::in_place_index<0>, std::move(value)) { } //!< Holds \a value.
    Result(const Error &error) : m_data(std::in_place_index<1>, error) { } //!< Holds \a error.
    Result(Error &&error) : m_data(std::in_place_index<1>, std::move(error)) { } //!< Holds \a error.

    bool has_value() const noexcept { return m_data.index() == 0; } //!< Whether this holds a value (no Error).
    explicit operator bool() const noexcept { return has_value(); } //!< has_value().

    const T &value() const & //!< The value; only when has_value() is true.
    {
        Q_ASSERT_X(has_value(), "QtAri::Result::value", "called on an error");
        if (const T *v = std::get_if<0>(&m_data))
            return *v;
        return defaultValue();
    }
    T &value() & //!< The value; only when has_value() is true.
    {
        Q_ASSERT_X(has_value(), "QtAri::Result::value", "called on an error");
        if (!has_value())
            m_data.template emplace<0>();
        return *std::get_if<0>(&m_data);
    }
    T &&value() && { return std::move(value()); } //!< The value; only when has_value() is true.
    template<typename U>
    T value_or(U &&fallback) const & //!< The value, or \a fallback converted to T when this holds an Error.
    {
        return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

    const Error &error() const //!< The Error; only when has_value() is false.
    {
        Q_ASSERT_X(!has_value(), "QtAri::Result::error", "called on a value");
        if (const Error *e = std::get_if<1>(&m_data))
            return *e;
        return noError();
    }

    const T &operator*() const & { return value(); } //!< value().
    T &operator*() & { return value(); } //!< value().
    const T *operator->() const { return &value(); } //!< &value().
    T *operator->() { return &value(); } //!< &value().

private:
    static const T &defaultValue()
    {
        static const T v {};
        return v;
    }
    static const Error &noError()
    {
        static const Error e;
        return e;
    }
    std::variant<T, Error> m_data;
};

//! \brief Success, or the Error that prevented it (operations that return nothing).
template<>
class Result<void>
{
public:
    using value_type = void; //!< T.
    using error_type = Error; //!< Error.

    Result() = default;
    Result(const Error &error) : m_error(error), m_failed(true) { } //!< Holds \a error.
    Result(Error &&error) : m_error(std::move(error)), m_failed(true) { } //!< Holds \a error.

    bool has_value() const noexcept { return !m_failed; } //!< Whether this holds a value (no Error).
    explicit operator bool() const noexcept { return has_value(); } //!< has_value().
    void value() const { Q_ASSERT_X(has_value(), "QtAri::Result::value", "called on an error"); } //!< Nothing to return; asserts has_value() in debug builds.
    const Error &error() const //!< The Error; only when has_value() is false.
    {
        Q_ASSERT_X(!has_value(), "QtAri::Result::error", "called on a value");
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace QtAri
