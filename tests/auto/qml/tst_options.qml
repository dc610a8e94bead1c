// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtTest
import QtAri
import QtAri.Testing

TestCase {
    id: root
    name: "Options"

    Simulator {
        id: sim
        user: "qml"
        password: "secret"
        running: true
        onRequestReceived: (method, path) => root.requests.push(method + " " + path)
    }

    AriClient {
        id: ari
        url: sim.url
        user: "qml"
        password: "secret"
        applications: ["qmltest"]
    }

    property var requests: []
    property Channel channel: null

    function initTestCase() {
        let ok = false
        ari.connect().then(() => ok = true)
        tryVerify(() => ok, 5000)
        const id = sim.startCall("qmltest")
        tryVerify(() => ari.channel(id) !== null, 5000)
        channel = ari.channel(id)
    }

    function refused(promise) {
        let failure = null
        let resolved = false
        promise.then(() => resolved = true, e => failure = e)
        tryVerify(() => failure !== null || resolved, 5000)
        verify(!resolved, "the promise resolved")
        return failure
    }

    function test_refused_data() {
        return [
            { tag: "unknown key", call: () => channel.hangup({ reson: "busy" }),
              operation: "channels.hangup", text: "'reson'" },
            { tag: "string for a number", call: () => channel.sendDtmf("1", { duration: "100" }),
              operation: "channels.sendDtmf", text: "'duration'" },
            { tag: "fraction for a number", call: () => channel.sendDtmf("1", { between: 1.5 }),
              operation: "channels.sendDtmf", text: "'between'" },
            { tag: "number for a string", call: () => ari.originate("PJSIP/1", { app: 5 }),
              operation: "channels.originateWithId", text: "'app'" },
            { tag: "string for a boolean", call: () => channel.record("r", { beep: "yes" }),
              operation: "channels.record", text: "'beep'" },
            { tag: "not an object", call: () => channel.mute("in"),
              operation: "channels.mute", text: "object" },
            { tag: "array as options", call: () => ari.createBridge(["mixing"]),
              operation: "bridges.createWithId", text: "object" },
            { tag: "bad media", call: () => channel.play(42),
              operation: "channels.play", text: "media" },
            { tag: "bad members", call: () => ari.newBridge().addChannel({}),
              operation: "bridges.addChannel", text: "Channel" },
        ]
    }

    function test_refused(data) {
        requests = []
        const failure = refused(data.call())
        compare(failure.kind, "InvalidArgument")
        compare(failure.status, 0)
        compare(failure.operation, data.operation)
        verify(failure.message.indexOf(data.text) >= 0, failure.message)
        wait(50)
        compare(requests, [], "nothing was sent")
    }

    function test_accepted() {
        requests = []
        let done = false
        channel.answer()
            .then(() => channel.sendDtmf("12", { duration: 100, between: 50 }))
            .then(() => channel.mute({ direction: "in" }))
            .then(() => done = true, e => fail(e.message))
        tryVerify(() => done, 5000)
        verify(requests.some(r => r.indexOf("/dtmf") >= 0), JSON.stringify(requests))
    }

    function test_nullAndUndefinedMeanNone() {
        let done = 0
        channel.mute(null).then(() => ++done)
        channel.unmute(undefined).then(() => ++done)
        tryCompare(root, "requests", root.requests) // let the loop run
        tryVerify(() => done === 2, 5000)
    }
}
