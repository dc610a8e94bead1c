// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtAri

//! One bridge (a BridgeModel row) with its members.
Frame {
    id: card

    required property Bridge bridge
    required property string bridgeId
    required property string bridgeType
    required property int channelCount

    signal report(string text)

    background: Rectangle {
        radius: 8
        color: "#263238"
        border.color: "#26a69a"
        border.width: 1
    }

    ColumnLayout {
        anchors.fill: parent
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: card.bridge && card.bridge.name.length > 0 ? card.bridge.name : card.bridgeId.substring(0, 8)
                font.bold: true
                font.pixelSize: 15
            }
            Label {
                text: qsTr("%1 · %2 members").arg(card.bridgeType).arg(card.channelCount)
                opacity: 0.8
                Layout.fillWidth: true
            }
        }
        Repeater {
            model: card.bridge ? card.bridge.channels : []
            delegate: Label {
                required property Channel modelData
                text: "• " + modelData.callerNumber + "  " + modelData.callerName + "  (" + modelData.state + ")"
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        RowLayout {
            Button {
                text: qsTr("Play")
                flat: true
                onClicked: card.bridge.play("sound:tt-monkeys").then(
                               () => card.report(qsTr("playing to the bridge")),
                               e => card.report(qsTr("play failed: %1").arg(e.message)))
            }
            Button {
                text: qsTr("Destroy")
                flat: true
                onClicked: card.bridge.destroyBridge().then(
                               () => card.report(qsTr("bridge destroyed")),
                               e => card.report(qsTr("destroy failed: %1").arg(e.message)))
            }
        }
    }
}
