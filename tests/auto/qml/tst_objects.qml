// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtTest
import QtAri
import QtAri.Testing

TestCase {
    id: root
    name: "LiveObjects"

    Simulator {
        id: sim
        user: "qml"
        password: "secret"
        running: true
    }

    AriClient {
        id: ari
        url: sim.url
        user: "qml"
        password: "secret"
        applications: ["qmltest"]
        onStasisStarted: (channel, args) => root.lastChannel = channel
    }

    property Channel lastChannel: null
    property var digits: []
    property int hungUpCause: -1

    Connections {
        target: root.lastChannel
        function onDtmfReceived(digit, durationMs) {
            root.digits.push(digit + ":" + durationMs)
        }
        function onHungUp(cause, causeText) {
            root.hungUpCause = cause
        }
    }

    function initTestCase() {
        let ok = false
        ari.connect().then(() => ok = true)
        tryVerify(() => ok, 5000)
    }

    function init() {
        lastChannel = null
        digits = []
        hungUpCause = -1
    }

    function call() {
        const id = sim.startCall("qmltest", { callerNumber: "3000" })
        tryVerify(() => lastChannel !== null && lastChannel.id === id, 5000)
        return id
    }

    function test_signalHandlers() {
        const id = call()
        sim.sendDtmf(id, "5")
        tryVerify(() => digits.length === 1, 5000)
        verify(digits[0].startsWith("5:"), digits[0])
        sim.hangup(id, 17)
        tryCompare(root, "hungUpCause", 17, 5000)
    }

    function test_propertiesBind() {
        const id = call()
        const ch = lastChannel
        compare(ch.state, "Ring")
        const label = createTemporaryQmlObject("import QtQuick; Text {}", root)
        label.text = Qt.binding(() => ch.state + "/" + ch.callerNumber)
        compare(label.text, "Ring/3000")
        verify(sim.answer(id))
        tryCompare(label, "text", "Up/3000", 5000)
    }

    function test_endedWhileHeld() {
        const id = call()
        const ch = lastChannel
        verify(!ch.ended)
        sim.hangup(id)
        tryCompare(ch, "ended", true, 5000)
        // the core object is deleted on a later event-loop turn; the QML object stays readable
        wait(100)
        gc()
        wait(50)
        compare(ch.id, id)
        compare(ch.callerNumber, "3000")
        verify(ch.ended)
        compare(ari.channel(id), null)
        let failure = null
        ch.answer().catch(e => failure = e)
        tryVerify(() => failure !== null, 5000)
        compare(failure.kind, "NotConnected")
        compare(failure.operation, "channels.answer")
    }

    function test_playback() {
        const id = call()
        let playback = null
        lastChannel.answer()
        lastChannel.play("sound:hello-world").then(p => playback = p)
        tryVerify(() => playback !== null, 5000)
        verify(playback.id.length > 0)
        compare(playback.mediaUri, "sound:hello-world")
        compare(playback.targetUri, "channel:" + id)
        let stopped = false
        playback.stop().then(() => stopped = true, e => stopped = true)
        tryVerify(() => stopped, 5000)
        tryCompare(playback, "ended", true, 5000)
    }
}
