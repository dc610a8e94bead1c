// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtTest
import QtAri
import QtAri.Testing

TestCase {
    id: root
    name: "Promises"

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

    function connected() {
        const client = clientComponent.createObject(root, { url: sim.url })
        let ok = false
        client.connect().then(() => ok = true)
        tryVerify(() => ok, 5000)
        return client
    }

    function test_resolvesAndChains() {
        const client = connected()
        const id = sim.startCall("qmltest")
        tryVerify(() => client.channel(id) !== null, 5000)
        const ch = client.channel(id)
        const steps = []
        ch.answer()
            .then(() => { steps.push("answered"); return ch.hold() })
            .then(() => { steps.push("held"); return ch.unhold() })
            .then(() => steps.push("unheld"))
        tryVerify(() => steps.length === 3, 5000)
        compare(steps, ["answered", "held", "unheld"])
        tryCompare(ch, "state", "Up", 5000)
        client.destroy()
    }

    function test_rejects404WithAsteriskMessage() {
        const client = connected()
        const ghost = client.newChannel() // an id the server never heard of
        let failure = null
        ghost.hangup().then(() => failure = "resolved", e => failure = e)
        tryVerify(() => failure !== null, 5000)
        compare(failure.kind, "Http")
        compare(failure.status, 404)
        compare(failure.operation, "channels.hangup")
        compare(failure.message, "Channel not found")
        verify(String(failure).indexOf("404") >= 0, String(failure))
        client.destroy()
    }

    function test_originateResolvesWithChannel() {
        const client = connected()
        let channel = null
        client.originate("PJSIP/1000", { app: "qmltest", callerId: "Ops <100>" })
            .then(c => channel = c, e => fail(e.message))
        tryVerify(() => channel !== null, 5000)
        verify(channel.id.length > 0)
        verify(client.channel(channel.id) === channel)
        tryCompare(channel, "known", true, 5000)
        client.destroy()
    }

    function test_unreachableRejects() {
        const client = clientComponent.createObject(root, { url: "http://127.0.0.1:1" })
        let failure = null
        client.createBridge().catch(e => failure = e)
        tryVerify(() => failure !== null, 5000)
        compare(failure.kind, "Network")
        compare(failure.operation, "bridges.createWithId")
        client.destroy()
    }

    function test_clientDestroyedWithPromisesPending() {
        const client = connected()
        const id = sim.startCall("qmltest")
        tryVerify(() => client.channel(id) !== null, 5000)
        const ch = client.channel(id)
        sim.setRestDelay(2000)
        const settled = []
        ch.answer().then(() => settled.push("resolved"), e => settled.push(e.kind))
        ch.hold().then(() => settled.push("resolved"), e => settled.push(e.kind))
        client.createBridge().then(() => settled.push("resolved"), e => settled.push(e.kind))
        compare(client.pendingOperations, 3)
        client.destroy()
        tryVerify(() => settled.length === 3, 3000)
        sim.setRestDelay(0)
        compare(settled, ["Aborted", "Aborted", "Aborted"])
        // the channel QML held is still an object: ended, and it says the client is gone
        verify(ch.ended)
        compare(ch.id, id)
        let failure = null
        ch.answer().catch(e => failure = e)
        tryVerify(() => failure !== null, 2000)
        compare(failure.kind, "NotConnected")
    }
}
