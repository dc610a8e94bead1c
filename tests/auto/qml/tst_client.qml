// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtTest
import QtAri
import QtAri.Testing

TestCase {
    id: root
    name: "Client"

    Simulator {
        id: sim
        user: "qml"
        password: "secret"
        running: true
    }

    Component {
        id: clientComponent
        // url: given at creation (an id outside the Component is out of qmllint's sight)
        AriClient {
            user: "qml"
            password: "secret"
            applications: ["qmltest"]
        }
    }

    function connected(client) {
        let ok = false
        let failure = null
        client.connect().then(() => ok = true, e => failure = e)
        tryVerify(() => ok || failure !== null, 5000)
        compare(failure, null)
        return client
    }

    function test_connect() {
        verify(sim.running)
        const client = createTemporaryObject(clientComponent, root, { url: sim.url })
        compare(client.state, AriClient.Disconnected)
        const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: 'connected' }", root)
        spy.target = client
        connected(client)
        compare(client.state, AriClient.Connected)
        compare(spy.count, 1)
        compare(client.errorString, "")
        compare(client.password, "", "the password is write-only")
        tryCompare(sim, "webSocketCount", 1)
        client.disconnect()
        compare(client.state, AriClient.Disconnected)
    }

    function test_wrongPassword() {
        const client = createTemporaryObject(clientComponent, root, { url: sim.url, password: "wrong" })
        let failure = null
        let resolved = false
        client.connect().then(() => resolved = true, e => failure = e)
        tryVerify(() => failure !== null || resolved, 5000)
        verify(!resolved)
        compare(failure.kind, "Http")
        compare(failure.status, 401)
        verify(failure.message.length > 0)
        verify(client.errorString.indexOf("401") >= 0, client.errorString)
        compare(client.state, AriClient.Disconnected)
    }

    function test_unreachable() {
        const client = createTemporaryObject(clientComponent, root, { url: "http://127.0.0.1:1" })
        let failure = null
        client.connect().catch(e => failure = e)
        tryVerify(() => failure !== null, 10000)
        compare(failure.kind, "Network")
        compare(failure.status, 0)
    }

    function test_stasisStartedHandler() {
        const client = connected(createTemporaryObject(clientComponent, root, { url: sim.url }))
        let seen = null
        let seenArgs = null
        client.stasisStarted.connect((channel, args) => { seen = channel; seenArgs = args })
        const id = sim.startCall("qmltest", { args: ["a", "b"], callerNumber: "1000" })
        tryVerify(() => seen !== null, 5000)
        compare(seen.id, id)
        compare(seenArgs, ["a", "b"])
        compare(seen.callerNumber, "1000")
        compare(seen.application, "qmltest")
        verify(seen.inStasis)
        verify(client.channel(id) === seen, "one QML object per channel")
        compare(client.channel("no-such-channel"), null)
    }

    function test_lostSocketIsVisible() {
        const client = connected(createTemporaryObject(clientComponent, root, { url: sim.url }))
        const states = []
        client.stateChanged.connect(s => states.push(s))
        sim.dropWebSockets()
        tryVerify(() => states.indexOf(AriClient.Reconnecting) >= 0, 5000)
        tryCompare(client, "state", AriClient.Connected, 10000)
    }
}
