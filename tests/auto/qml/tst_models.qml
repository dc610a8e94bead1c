// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtTest
import QtAri
import QtAri.Testing

TestCase {
    id: root
    name: "Models"
    width: 400
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

    ChannelModel {
        id: channels
        client: ari
        durationInterval: 100
    }
    ChannelModel {
        id: frozen
        client: ari
        durationInterval: 0
    }
    ChannelModel {
        id: upChannels
        client: ari
        state: "Up"
    }
    ChannelModel {
        id: otherApp
        client: ari
        application: "someone-else"
    }
    ChannelModel {
        id: ourApp
        client: ari
        application: "qmltest"
    }
    BridgeModel {
        id: holdingBridges
        client: ari
        bridgeType: "holding"
    }
    BridgeModel {
        id: bridges
        client: ari
    }

    Repeater {
        id: rows
        model: channels
        delegate: Item {
            required property var model
            property string channelId: model.channelId
            property string callerNumber: model.callerNumber
            property string state: model.state
            property string bridgeId: model.bridgeId
            property string bridgeName: model.bridgeName
            property string application: model.application
            property string dialplanApp: model.dialplanApp
            property int duration: model.duration
            property var channel: model.channel
        }
    }
    Repeater {
        id: frozenRows
        model: frozen
        delegate: Item {
            required property var model
            property int duration: model.duration
        }
    }
    Repeater {
        id: bridgeRows
        model: bridges
        delegate: Item {
            required property var model
            property string bridgeId: model.bridgeId
            property int channelCount: model.channelCount
            property var bridge: model.bridge
        }
    }

    function initTestCase() {
        let ok = false
        ari.connect().then(() => ok = true)
        tryVerify(() => ok, 5000)
    }

    function cleanup() {
        sim.reset()
        tryCompare(channels, "count", 0, 5000)
        tryCompare(bridges, "count", 0, 5000)
    }

    function test_rowsFollowCalls() {
        compare(channels.count, 0)
        const id = sim.startCall("qmltest", { callerNumber: "1000", callerName: "Alice" })
        tryCompare(channels, "count", 1, 5000)
        tryCompare(rows, "count", 1)
        const row = rows.itemAt(0)
        compare(row.channelId, id)
        compare(row.callerNumber, "1000")
        compare(row.application, "qmltest")
        compare(row.dialplanApp, "Stasis")
        verify(row.channel !== null)
        compare(row.channel.id, id)
        verify(channels.get(0) === row.channel)
        compare(upChannels.count, 0)
        compare(otherApp.count, 0)
        compare(ourApp.count, 1)

        verify(sim.answer(id))
        tryCompare(row, "state", "Up", 5000)
        tryCompare(upChannels, "count", 1, 5000)

        // duration ticks without any event; with durationInterval 0 it is read once and stays
        tryCompare(frozenRows, "count", 1)
        const still = frozenRows.itemAt(0).duration
        tryVerify(() => row.duration >= still + 2, 4000)
        compare(frozenRows.itemAt(0).duration, still)
        compare(frozen.durationInterval, 0)
        compare(channels.durationInterval, 100)
        compare(upChannels.durationInterval, 1000)

        sim.hangup(id)
        tryCompare(channels, "count", 0, 5000)
        compare(upChannels.count, 0)
    }

    function test_bridgeRows() {
        const a = sim.startCall("qmltest", { callerNumber: "2001" })
        const b = sim.startCall("qmltest", { callerNumber: "2002" })
        tryCompare(channels, "count", 2, 5000)
        let bridge = null
        ari.createBridge({ type: "mixing", name: "room" }).then(br => bridge = br)
        tryVerify(() => bridge !== null, 5000)
        let added = false
        bridge.addChannel([ari.channel(a), b]).then(() => added = true)
        tryVerify(() => added, 5000)
        tryCompare(bridges, "count", 1, 5000)
        compare(holdingBridges.count, 0)
        tryCompare(bridgeRows, "count", 1)
        const row = bridgeRows.itemAt(0)
        compare(row.bridgeId, bridge.id)
        tryCompare(row, "channelCount", 2, 5000)
        verify(row.bridge === bridge)
        tryCompare(bridge, "channelCount", 2, 5000)
        compare(bridge.channels.length, 2)
        compare(bridge.channels[0].callerNumber, "2001")
        tryCompare(ari.channel(a), "bridge", bridge)

        const inBridge = createTemporaryQmlObject("import QtAri; ChannelModel {}", root)
        inBridge.client = ari
        inBridge.bridgeId = bridge.id
        tryCompare(inBridge, "count", 2, 5000)
        for (let i = 0; i < rows.count; ++i) {
            tryCompare(rows.itemAt(i), "bridgeId", bridge.id, 5000)
            tryCompare(rows.itemAt(i), "bridgeName", "room", 5000)
        }

        let holding = null
        ari.createBridge({ type: "holding" }).then(br => holding = br)
        tryVerify(() => holding !== null, 5000)
        tryCompare(holdingBridges, "count", 1, 5000)
        verify(holdingBridges.get(0) === holding)
        compare(bridges.count, 2)
    }
}
