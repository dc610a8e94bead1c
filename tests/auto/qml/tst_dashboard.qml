// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
// The dashboard example's call card: dragging one call onto another asks for a bridge.
import QtQuick
import QtTest
import QtAri
import QtAri.Testing

Item {
    id: root
    width: 800
    height: 400

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
    }

    TestCase {
        name: "DashboardCard"
        when: windowShown

        function card(channel, x) {
            const component = Qt.createComponent(Qt.resolvedUrl("../../../examples/qml-dashboard/CallCard.qml"))
            verify(component.status === Component.Ready, component.errorString())
            const c = component.createObject(root, {
                channel: channel, callerName: channel.callerName, callerNumber: channel.callerNumber,
                state: channel.state, application: channel.application, bridgeId: "", duration: 0,
                x: x, y: 0, width: 300, height: 236 })
            verify(c !== null)
            return c
        }

        function test_dragOntoAnotherBridges() {
            let ok = false
            ari.connect().then(() => ok = true)
            tryVerify(() => ok, 5000)
            const a = sim.startCall("qmltest", { callerNumber: "4001" })
            const b = sim.startCall("qmltest", { callerNumber: "4002" })
            tryVerify(() => ari.channel(a) !== null && ari.channel(b) !== null, 5000)
            const left = card(ari.channel(a), 0)
            const right = card(ari.channel(b), 400)
            let asked = null
            right.bridgeRequested.connect(other => asked = other)
            left.bridgeRequested.connect(() => fail("the dragged card asked too"))

            // the handle "⠿" sits at the right of the second row of the left card
            const handle = findChild(left, "dragHandle")
            verify(handle !== null)
            const start = handle.mapToItem(root, handle.width / 2, handle.height / 2)
            mousePress(root, start.x, start.y)
            for (let i = 1; i <= 10; ++i)
                mouseMove(root, start.x + (550 - start.x) * i / 10, start.y + (100 - start.y) * i / 10)
            mouseRelease(root, 550, 100)
            tryVerify(() => asked !== null, 2000)
            verify(asked === ari.channel(a))
            left.destroy()
            right.destroy()
        }
    }
}
