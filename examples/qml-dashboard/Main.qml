// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtAri
import QtAri.Testing

ApplicationWindow {
    id: root
    width: 1280
    height: 800
    visible: true
    title: qsTr("QtAri operator dashboard")
    Material.theme: Material.Dark
    Material.accent: Material.Teal

    required property bool demo
    required property string serverUrl
    required property string serverUser
    required property string serverPassword
    required property string application

    //! Read by main.cpp after a screenshot.
    property bool everConnected: false
    property string status: ""

    function report(text) {
        root.status = text
    }
    function failed(what) {
        return e => root.report(qsTr("%1 failed: %2").arg(what).arg(e.message))
    }

    //! Bridge two calls: into the bridge one of them is in, or a new mixing bridge.
    function bridgeCalls(a, b) {
        const existing = b.bridge ? b.bridge : a.bridge
        const join = bridge => bridge.addChannel([a, b].filter(c => c.bridge !== bridge))
        const done = existing ? join(existing)
                              : ari.createBridge({ type: "mixing", name: "ops" }).then(join)
        done.then(() => root.report(qsTr("bridged %1 and %2").arg(a.callerNumber).arg(b.callerNumber)),
                  root.failed(qsTr("bridge")))
    }

    // --demo: an ARI server in this process.
    Simulator {
        id: sim
        running: root.demo
        user: "dashboard"
        password: "demo"
    }

    AriClient {
        id: ari
        url: root.demo ? sim.url : root.serverUrl
        user: root.demo ? "dashboard" : root.serverUser
        password: root.demo ? "demo" : root.serverPassword
        applications: [root.application]
        subscribeAll: true
        onConnected: {
            root.everConnected = true
            root.report(qsTr("connected to %1").arg(url))
            if (root.demo)
                demoDriver.seed()
        }
        onStasisStarted: (channel, args) => root.report(qsTr("%1 entered %2").arg(channel.callerNumber).arg(root.application))
    }

    Component.onCompleted: ari.connect().catch(root.failed(qsTr("connect")))

    QtObject {
        id: demoDriver
        property int next: 0
        readonly property var names: ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra",
            "Barbara Liskov", "Donald Knuth", "Margaret Hamilton", "Ken Thompson", "Frances Allen"]

        function call() {
            const i = next++
            return sim.startCall(root.application, { callerName: names[i % names.length],
                                     callerNumber: String(1001 + i), endpoint: "PJSIP/" + (1001 + i) })
        }
        property var seeded: []
        function seed() {
            seeded = [call(), call(), call(), call(), call()]
            seedTimer.start()
        }
        //! Once the client has heard of the first calls: answer three, bridge two, play to one.
        function answerSome() {
            const a = ari.channel(seeded[0]), b = ari.channel(seeded[1]), c = ari.channel(seeded[2])
            if (!a || !b || !c)
                return
            Promise.all([a.answer(), b.answer(), c.answer()])
                .then(() => root.bridgeCalls(a, b))
                .then(() => c.hold())
                .catch(root.failed(qsTr("demo")))
        }
    }
    Timer {
        id: seedTimer
        interval: 500
        onTriggered: demoDriver.answerSome()
    }
    Timer {
        interval: 4000
        repeat: true
        running: root.demo && ari.state === AriClient.Connected
        onTriggered: {
            if (channelModel.count < 8) {
                demoDriver.call()
            } else {
                const old = channelModel.get(0) as Channel
                if (old)
                    sim.hangup(old.id)
            }
            const someone = channelModel.get(Math.floor(Math.random() * channelModel.count)) as Channel
            if (someone && someone.state === "Up")
                sim.sendDtmf(someone.id, String(Math.floor(Math.random() * 10)))
        }
    }

    ChannelModel {
        id: channelModel
        client: ari
    }
    BridgeModel {
        id: bridgeModel
        client: ari
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 12
            Label {
                text: qsTr("Operator dashboard")
                font.pixelSize: 20
                font.bold: true
            }
            Rectangle {
                width: 12
                height: 12
                radius: 6
                color: ari.state === AriClient.Connected ? "#4caf50"
                     : ari.state === AriClient.Disconnected ? "#f44336" : "#ffc107"
            }
            Label {
                text: ["Disconnected", "Connecting", "Connected", "Reconnecting"][ari.state]
                      + (root.demo ? qsTr(" (demo)") : "")
            }
            Item { Layout.fillWidth: true }
            TextField {
                id: endpoint
                placeholderText: qsTr("PJSIP/1000")
                text: "PJSIP/1000"
                Layout.preferredWidth: 160
            }
            Button {
                text: qsTr("Originate")
                enabled: ari.state === AriClient.Connected && endpoint.text.length > 0
                onClicked: ari.originate(endpoint.text, { app: root.application, callerId: "Ops <100>" })
                               .then(c => root.report(qsTr("calling %1").arg(c.id)),
                                     root.failed(qsTr("originate")))
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Label {
                text: qsTr("Live calls (%1) — drag a call onto another to bridge them").arg(channelModel.count)
                font.pixelSize: 16
            }
            GridView {
                id: calls
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                cellWidth: Math.max(280, width / Math.max(1, Math.floor(width / 280)))
                cellHeight: 236
                model: channelModel
                delegate: CallCard {
                    width: (GridView.view as GridView).cellWidth - 8
                    height: (GridView.view as GridView).cellHeight - 8
                    onBridgeRequested: other => root.bridgeCalls(other, channel)
                    onReport: text => root.report(text)
                }
            }
        }

        ColumnLayout {
            Layout.preferredWidth: 340
            Layout.maximumWidth: 360
            Layout.fillHeight: true
            Label {
                text: qsTr("Bridges (%1)").arg(bridgeModel.count)
                font.pixelSize: 16
            }
            ListView {
                id: bridges
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 8
                model: bridgeModel
                delegate: BridgeCard {
                    width: ListView.view.width
                    onReport: text => root.report(text)
                }
            }
        }
    }

    footer: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: ari.errorString.length > 0 ? ari.errorString : root.status
                color: ari.errorString.length > 0 ? "#ff8a80" : Material.foreground
            }
            Label {
                text: qsTr("%1 pending").arg(ari.pendingOperations)
                visible: ari.pendingOperations > 0
            }
        }
    }
}
