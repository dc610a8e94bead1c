// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// The Channel, Bridge, Playback and LiveRecording operations beyond the basic call control.
import QtQuick
import QtTest
import QtAri
import QtAri.Testing

TestCase {
    id: root
    name: "Operations"

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
        applications: ["qmltest", "qmlother"]
        onStasisStarted: (channel, args) => root.started.push(channel.id + ":" + args.join(","))
    }

    property var requests: []
    property var started: []

    function initTestCase() {
        let ok = false
        ari.connect().then(() => ok = true)
        tryVerify(() => ok, 5000)
    }

    function settled(promise) {
        let result = { done: false, value: undefined }
        promise.then(v => { result.value = v; result.done = true },
                     e => { result.error = e; result.done = true })
        tryVerify(() => result.done, 5000)
        verify(result.error === undefined, result.error ? String(result.error) : "")
        return result.value
    }

    function refused(promise) {
        let failure = null
        let resolved = false
        promise.then(() => resolved = true, e => failure = e)
        tryVerify(() => failure !== null || resolved, 5000)
        verify(!resolved, "the promise resolved")
        return failure
    }

    function call(number) {
        const id = sim.startCall("qmltest", { callerNumber: number || "3000" })
        tryVerify(() => ari.channel(id) !== null && ari.channel(id).inStasis, 5000)
        return ari.channel(id)
    }

    function test_channelGetRedirect() {
        const ch = call()
        compare(settled(ch.get()), ch)
        settled(ch.redirect("PJSIP/2000"))
        const failure = refused(ch.redirect("SIP/2000"))
        compare(failure.status, 422)
        compare(failure.message, "Endpoint technology 'SIP' does not match channel technology 'PJSIP'")
        compare(failure.operation, "channels.redirect")
        compare(refused(ch.redirect("")).kind, "InvalidArgument")
        settled(ch.hangup())
    }

    function test_channelMove() {
        const ch = call()
        started = []
        settled(ch.move("qmlother", { appArgs: "a,b" }))
        tryVerify(() => started.indexOf(ch.id + ":a,b") >= 0, 5000)
        tryCompare(ch, "stasisArgs", ["a", "b"], 5000)
        settled(ch.hangup())
    }

    function test_channelSnoop() {
        const ch = call()
        const snoop = settled(ch.snoop("qmltest", { spy: "both", whisper: "none", snoopId: "qml-snoop" }))
        verify(snoop !== null)
        compare(snoop.id, "qml-snoop")
        compare(ari.channel("qml-snoop"), snoop)
        verify(snoop !== ch)
        settled(snoop.hangup())
        tryVerify(() => snoop.ended, 5000)
        settled(ch.hangup())
    }

    function test_channelCreateAndDial() {
        const ch = settled(ari.createChannel("PJSIP/2000", "qmltest", { channelId: "qml-dialled" }))
        verify(ch !== null)
        compare(ch.id, "qml-dialled")
        settled(ch.dial({ timeout: 10 }))
        const failure = refused(ch.dial())
        compare(failure.status, 409)
        compare(failure.message, "Channel is not in the 'Down' state")
        settled(ch.hangup())
    }

    function test_channelProgressSilence() {
        const ch = call()
        settled(ch.progress())
        settled(ch.startSilence())
        settled(ch.stopSilence())
        settled(ch.transferProgress("ringing"))
        const stats = settled(ch.rtpStatistics())
        compare(stats.txcount, 100)
        settled(ch.hangup())
    }

    function test_channelVariables() {
        const ch = call()
        settled(ch.setVariable("QML_A", "one"))
        compare(settled(ch.getVariable("QML_A")), "one")
        settled(ch.setVariables({ QML_B: "two", QML_C: "three" }))
        const values = settled(ch.getVariables(["QML_B", "QML_C"]))
        compare(values.QML_B, "two")
        compare(values.QML_C, "three")
        const failure = refused(ch.getVariable("QML_NOPE"))
        compare(failure.status, 404)
        compare(failure.message, "Provided variable was not found")
        compare(failure.operation, "channels.getChannelVar")
        settled(ch.hangup())
    }

    function test_bridgeOperations() {
        const a = call("3001")
        const bridge = settled(ari.createBridge({ type: "mixing", name: "qml-ops" }))
        compare(settled(bridge.get()), bridge)
        settled(bridge.addChannel(a))
        tryCompare(bridge, "channelCount", 1, 5000)
        settled(bridge.setVideoSource(a))
        settled(bridge.clearVideoSource())
        const failure = refused(bridge.setVideoSource("qml-no-such-channel"))
        compare(failure.status, 404)
        compare(failure.message, "Channel not found")
        compare(refused(bridge.setVideoSource([a])).kind, "InvalidArgument")
        settled(bridge.setVariable("QML_BV", "x", { reportEvents: false }))
        compare(settled(bridge.getVariable("QML_BV")), "x")
        compare(refused(bridge.getVariable("QML_NOPE")).status, 404)
        settled(bridge.setVariables({ QML_B1: "one", QML_B2: "two" }))
        const values = settled(bridge.getVariables(["QML_B1", "QML_B2"]))
        compare(values.QML_B1, "one")
        compare(values.QML_B2, "two")
        compare(refused(bridge.setVariables([])).kind, "InvalidArgument")
        settled(bridge.destroyBridge())
        settled(a.hangup())
    }

    function test_playbackAndRecordingGet() {
        const ch = call()
        settled(ch.answer())
        const playback = settled(ch.play("sound:demo-congrats"))
        compare(settled(playback.get()), playback)
        settled(playback.stop())
        tryVerify(() => playback.ended, 5000)
        const recording = settled(ch.record("qml-ops-rec", { ifExists: "overwrite" }))
        compare(settled(recording.get()), recording)
        settled(recording.stop())
        tryVerify(() => recording.ended, 5000)
        wait(100)
        compare(refused(recording.get()).kind, "NotConnected")
        const stored = settled(ari.listStoredRecordings())
        verify(stored.some(r => r.name === "qml-ops-rec"), JSON.stringify(stored))
        settled(ch.hangup())
    }

    function test_endedRejects() {
        const ch = call()
        settled(ch.hangup())
        tryVerify(() => ch.ended, 5000)
        wait(100) // the core object is deleted on a later event-loop turn
        const calls = [ch.redirect("PJSIP/1"), ch.move("qmlother"), ch.snoop("qmltest"), ch.dial(),
                       ch.getVariable("X"), ch.progress(), ch.rtpStatistics()]
        for (const p of calls)
            compare(refused(p).kind, "NotConnected")
    }

    function test_optionsRefused_data() {
        return [
            { tag: "move key", call: c => c.move("qmlother", { args: "x" }),
              operation: "channels.move", text: "'args'" },
            { tag: "snoop type", call: c => c.snoop("qmltest", { spy: true }),
              operation: "channels.snoopChannel", text: "'spy'" },
            { tag: "snoop key", call: c => c.snoop("qmltest", { whisperer: "in" }),
              operation: "channels.snoopChannel", text: "'whisperer'" },
            { tag: "dial type", call: c => c.dial({ timeout: "10" }),
              operation: "channels.dial", text: "'timeout'" },
            { tag: "dial key", call: c => c.dial({ callerId: "x" }),
              operation: "channels.dial", text: "'callerId'" },
            { tag: "variables", call: c => c.setVariables("A=1"),
              operation: "channels.setChannelVars", text: "object" },
            { tag: "variable names", call: c => c.getVariables(7),
              operation: "channels.getChannelVars", text: "name" },
            { tag: "createChannel key", call: c => ari.createChannel("PJSIP/1", "qmltest", { app: "x" }),
              operation: "channels.create", text: "'app'" },
            { tag: "bridge var key", call: c => ari.newBridge().setVariable("A", "1", { report: true }),
              operation: "bridges.setBridgeVar", text: "'report'" },
        ]
    }

    function test_optionsRefused(data) {
        const ch = call()
        requests = []
        const failure = refused(data.call(ch))
        compare(failure.kind, "InvalidArgument")
        compare(failure.status, 0)
        compare(failure.operation, data.operation)
        verify(failure.message.indexOf(data.text) >= 0, failure.message)
        wait(50)
        // the client's own subscription to the new call may still be on its way
        compare(requests.filter(r => r.indexOf("/subscription") < 0), [], "nothing was sent")
        settled(ch.hangup())
    }
}
