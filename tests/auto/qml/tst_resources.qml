// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Endpoints, device states, mailboxes and the resource APIs of AriClient.
import QtQuick
import QtTest
import QtAri
import QtAri.Testing

TestCase {
    id: root
    name: "Resources"

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
        subscribeAll: true
        onDeviceStateChanged: deviceState => root.deviceStateSignals.push(deviceState.name + "=" + deviceState.state)
    }

    property var deviceStateSignals: []

    function initTestCase() {
        let ok = false
        ari.connect().then(() => ok = true)
        tryVerify(() => ok, 5000)
    }

    // The promise's value, failing the test if it rejects.
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

    function test_deviceStateUpdateAndDelete() {
        deviceStateSignals = []
        compare(ari.deviceState("Stasis:qml-room"), null)
        settled(ari.updateDeviceState("Stasis:qml-room", "INUSE"))
        tryVerify(() => ari.deviceState("Stasis:qml-room") !== null, 5000)
        const ds = ari.deviceState("Stasis:qml-room")
        compare(ds.name, "Stasis:qml-room")
        compare(ds.state, "INUSE")
        verify(deviceStateSignals.indexOf("Stasis:qml-room=INUSE") >= 0, JSON.stringify(deviceStateSignals))
        const label = createTemporaryQmlObject("import QtQuick; Text {}", root)
        label.text = Qt.binding(() => ds.state)
        settled(ds.update("BUSY"))
        tryCompare(label, "text", "BUSY", 5000)
        compare(ari.deviceState("Stasis:qml-room"), ds, "one QML object per device")
        compare(settled(ds.get()), ds)
        settled(ds.deleteState())
        tryCompare(label, "text", "UNKNOWN", 5000)
        const listed = settled(ari.listDeviceStates())
        verify(Array.isArray(listed))
        verify(!listed.some(d => d.name === "Stasis:qml-room"), "deleted")
    }

    function test_deviceStateRefused() {
        const failure = refused(ari.updateDeviceState("Custom:qml", "INUSE"))
        compare(failure.kind, "Http")
        compare(failure.status, 409)
        compare(failure.message, "Uncontrolled device specified")
        compare(failure.operation, "deviceStates.update")
        compare(refused(ari.updateDeviceState("", "INUSE")).kind, "InvalidArgument")
    }

    function test_mailboxFetchUpdateDelete() {
        settled(ari.updateMailbox("qml-1000", 1, 2))
        const mb = settled(ari.fetchMailbox("qml-1000"))
        verify(mb !== null)
        compare(mb.name, "qml-1000")
        compare(mb.oldMessages, 1)
        compare(mb.newMessages, 2)
        verify(!mb.ended)
        compare(ari.mailbox("qml-1000"), mb)
        const label = createTemporaryQmlObject("import QtQuick; Text {}", root)
        label.text = Qt.binding(() => mb.oldMessages + "/" + mb.newMessages)
        settled(mb.update(3, 4))
        tryCompare(label, "text", "3/4", 5000)
        compare(settled(mb.get()), mb)
        const listed = settled(ari.listMailboxes())
        const mine = listed.filter(m => m.name === "qml-1000")
        compare(mine.length, 1)
        compare(mine[0], mb, "the live object")
        settled(mb.deleteMailbox())
        verify(mb.ended, "ended once deleteMailbox() resolved")
        compare(label.text, "3/4", "keeps its last values")
        compare(refused(mb.update(1, 1)).kind, "NotConnected")
    }

    function test_mailbox404() {
        const failure = refused(ari.fetchMailbox("qml-nobody"))
        compare(failure.kind, "Http")
        compare(failure.status, 404)
        compare(failure.message, "Mailbox is does not exist")
        compare(failure.operation, "mailboxes.get")
        compare(ari.mailbox("qml-nobody"), null)
    }

    function test_endpointLookup() {
        compare(ari.endpoint("PJSIP", "2000"), null)
        // A user event naming the endpoint as its source makes the client meet it.
        settled(ari.userEvent("qml-hello", "qmltest", { source: ["endpoint:PJSIP/2000"],
                                                        variables: { greeting: "hi" } }))
        tryVerify(() => ari.endpoint("PJSIP", "2000") !== null, 5000)
        const ep = ari.endpoint("PJSIP", "2000")
        compare(ep.technology, "PJSIP")
        compare(ep.resource, "2000")
        compare(ep.id, "PJSIP/2000")
        compare(settled(ep.get()), ep)
        verify(ep.state === "online" || ep.state === "offline" || ep.state === "unknown", ep.state)
        settled(ep.sendMessage("pjsip:qml@example.com", { body: "hello", variables: { A: "1" } }))
        settled(ep.refer("pjsip:qml@example.com", "pjsip:3000@example.com", { toSelf: false }))
        const listed = settled(ari.listEndpoints())
        verify(listed.length >= 3, listed.length)
        const e2000 = listed.filter(e => e.resource === "2000")
        compare(e2000.length, 1)
        compare(e2000[0], ep, "the live object")
        const e1000 = listed.filter(e => e.resource === "1000")
        compare(e1000[0].technology, "PJSIP", "plain object for an endpoint the client does not follow")
    }

    function test_listChannelsAndBridges() {
        const id = sim.startCall("qmltest", { callerNumber: "4100" })
        tryVerify(() => ari.channel(id) !== null, 5000)
        const bridge = settled(ari.createBridge({ type: "mixing", name: "qml-list" }))
        const channels = settled(ari.listChannels())
        compare(channels.filter(c => c.id === id)[0], ari.channel(id))
        const bridges = settled(ari.listBridges())
        compare(bridges.filter(b => b.id === bridge.id)[0], bridge)
        settled(bridge.destroyBridge())
        sim.hangup(id, 16)
    }

    function test_asteriskInfoAndLists() {
        const info = settled(ari.asteriskInfo())
        verify(info.system !== undefined, JSON.stringify(info))
        verify(typeof info.system.version === "string", JSON.stringify(info.system))
        const sounds = settled(ari.listSounds({ lang: "en" }))
        verify(sounds.length > 0)
        verify(sounds.some(s => s.id === "hello-world"), JSON.stringify(sounds.map(s => s.id)))
        const recordings = settled(ari.listStoredRecordings())
        verify(Array.isArray(recordings))
        const apps = settled(ari.listApplications())
        verify(apps.some(a => a.name === "qmltest"))
    }

    function test_subscribeUnsubscribe() {
        const app = settled(ari.subscribe("qmltest", "deviceState:Stasis:qml-sub"))
        compare(app.name, "qmltest")
        verify(app.device_names.indexOf("qml-sub") >= 0 || app.device_names.indexOf("Stasis:qml-sub") >= 0,
               JSON.stringify(app.device_names))
        const after = settled(ari.unsubscribe("qmltest", ["deviceState:Stasis:qml-sub"]))
        compare(after.device_names.indexOf("Stasis:qml-sub"), -1)
        const failure = refused(ari.subscribe("qml-no-such-app", "channel:x"))
        compare(failure.status, 404)
        compare(failure.message, "Application not found")
        compare(refused(ari.subscribe("qmltest", [])).kind, "InvalidArgument")
    }

    function test_userEventRefused() {
        const failure = refused(ari.userEvent("ev", "qmltest", { source: ["bogus:1"] }))
        compare(failure.status, 422)
        compare(failure.message, "Event source was not found")
    }

    function test_optionsRefused_data() {
        return [
            { tag: "listSounds key", call: () => ari.listSounds({ language: "en" }),
              operation: "sounds.list", text: "'language'" },
            { tag: "userEvent variables", call: () => ari.userEvent("e", "qmltest", { variables: "x" }),
              operation: "events.userEvent", text: "'variables'" },
            { tag: "userEvent key", call: () => ari.userEvent("e", "qmltest", { sources: "x" }),
              operation: "events.userEvent", text: "'sources'" },
            { tag: "externalMedia key", call: () => ari.externalMedia("qmltest", "ulaw", { host: "a:1" }),
              operation: "channels.externalMedia", text: "'host'" },
            { tag: "externalMedia type", call: () => ari.externalMedia("qmltest", "ulaw", { externalHost: 5 }),
              operation: "channels.externalMedia", text: "'externalHost'" },
            { tag: "mailbox counts", call: () => ari.updateMailbox("m", -1, 0),
              operation: "mailboxes.update", text: "negative" },
        ]
    }

    function test_optionsRefused(data) {
        const failure = refused(data.call())
        compare(failure.kind, "InvalidArgument")
        compare(failure.operation, data.operation)
        verify(failure.message.indexOf(data.text) >= 0, failure.message)
    }

    function test_externalMedia() {
        const ch = settled(ari.externalMedia("qmltest", "ulaw", { externalHost: "127.0.0.1:40000",
                                                               channelId: "qml-external" }))
        verify(ch !== null)
        compare(ch.id, "qml-external")
        tryVerify(() => ari.channel("qml-external") !== null, 5000)
        settled(ari.channel("qml-external").hangup())
    }
}
