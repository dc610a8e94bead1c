// Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtAri

//! One live call (a ChannelModel row).
Frame {
    id: card

    required property Channel channel
    required property string callerName
    required property string callerNumber
    required property string state
    required property string application
    required property string bridgeId
    required property int duration

    property bool muted: false
    property LiveRecording recording: null

    component SmallButton: Button {
        flat: true
        implicitHeight: 34
        leftPadding: 8
        rightPadding: 8
        font.pixelSize: 12
    }

    signal bridgeRequested(Channel other)
    signal report(string text)

    function run(what, promise) {
        promise.then(() => card.report(qsTr("%1: %2 done").arg(card.callerNumber).arg(what)),
                     e => card.report(qsTr("%1: %2 failed: %3").arg(card.callerNumber).arg(what).arg(e.message)))
    }
    function clock(seconds) {
        const m = Math.floor(seconds / 60), s = seconds % 60
        return m + ":" + (s < 10 ? "0" : "") + s
    }

    Material.elevation: 2
    background: Rectangle {
        radius: 8
        color: drop.containsDrag ? Qt.darker(card.Material.accent, 1.6) : "#2b2f36"
        border.color: card.state === "Up" ? "#4caf50" : card.state === "Ringing" || card.state === "Ring"
                      ? "#ffc107" : "#607d8b"
        border.width: 2
    }

    // What the call looks like while it is carried onto another (above everything else).
    Rectangle {
        id: ghost
        property Channel channel: card.channel
        parent: Overlay.overlay
        width: 180
        height: 40
        radius: 6
        visible: Drag.active
        color: card.Material.accent
        opacity: 0.9
        Drag.keys: ["call"]
        Drag.hotSpot.x: width / 2
        Drag.hotSpot.y: height / 2
        Label {
            anchors.centerIn: parent
            text: qsTr("bridge %1 with …").arg(card.callerNumber)
            color: "black"
        }
    }

    DropArea {
        id: drop
        anchors.fill: parent
        keys: ["call"]
        onDropped: event => {
            const other = event.source.channel as Channel
            if (other && other !== card.channel)
                card.bridgeRequested(other)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: card.callerName.length > 0 ? card.callerName : card.callerNumber
                font.pixelSize: 16
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: card.clock(card.duration)
                font.family: "monospace"
                font.pixelSize: 16
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: card.callerNumber
                opacity: 0.8
            }
            Rectangle {
                radius: 4
                color: card.state === "Up" ? "#2e7d32" : "#8d6e00"
                implicitWidth: stateLabel.implicitWidth + 10
                implicitHeight: stateLabel.implicitHeight + 4
                Label {
                    id: stateLabel
                    anchors.centerIn: parent
                    text: card.channel && card.channel.onHold ? qsTr("On hold") : card.state
                    font.pixelSize: 12
                }
            }
            Label {
                text: card.recording ? qsTr("● rec") : ""
                color: "#ff5252"
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "dragHandle"
                text: "⠿"
                font.pixelSize: 20
                opacity: 0.7
                MouseArea {
                    anchors.fill: parent
                    anchors.margins: -8
                    drag.target: ghost
                    cursorShape: Qt.OpenHandCursor
                    onPressed: mouse => {
                        const p = mapToItem(ghost.parent, mouse.x, mouse.y)
                        ghost.x = p.x - ghost.width / 2
                        ghost.y = p.y - ghost.height / 2
                        ghost.Drag.active = true
                    }
                    onReleased: {
                        ghost.Drag.drop()
                        ghost.Drag.active = false
                    }
                }
            }
        }
        Label {
            text: qsTr("app %1 · %2").arg(card.application.length > 0 ? card.application : "—")
                  .arg(card.bridgeId.length > 0 ? qsTr("bridge %1").arg(card.bridgeId.substring(0, 8)) : qsTr("not bridged"))
            opacity: 0.7
            font.pixelSize: 12
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Flow {
            Layout.fillWidth: true
            spacing: 2
            SmallButton {
                text: qsTr("Answer")
                visible: card.state !== "Up"
                onClicked: card.run(qsTr("answer"), card.channel.answer())
            }
            SmallButton {
                text: card.channel && card.channel.onHold ? qsTr("Unhold") : qsTr("Hold")
                onClicked: card.run(text, card.channel.onHold ? card.channel.unhold() : card.channel.hold())
            }
            SmallButton {
                text: card.muted ? qsTr("Unmute") : qsTr("Mute")
                onClicked: {
                    const p = card.muted ? card.channel.unmute() : card.channel.mute({ direction: "in" })
                    card.muted = !card.muted
                    card.run(text, p)
                }
            }
            SmallButton {
                text: qsTr("Play")
                onClicked: card.run(text, card.channel.play("sound:hello-world"))
            }
            SmallButton {
                text: card.recording ? qsTr("Stop rec") : qsTr("Record")
                onClicked: {
                    if (card.recording) {
                        card.run(text, card.recording.stop())
                        card.recording = null
                    } else {
                        card.channel.record("call-" + card.channel.id, { format: "wav", ifExists: "overwrite" })
                            .then(r => card.recording = r,
                                  e => card.report(qsTr("record failed: %1").arg(e.message)))
                    }
                }
            }
            SmallButton {
                text: qsTr("Hang up")
                Material.foreground: "#ff8a80"
                onClicked: card.run(text, card.channel.hangup({ reason: "normal" }))
            }
        }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: digits
                placeholderText: qsTr("DTMF")
                Layout.fillWidth: true
                validator: RegularExpressionValidator { regularExpression: /[0-9*#A-D]*/ }
            }
            SmallButton {
                text: qsTr("Send")
                enabled: digits.text.length > 0
                onClicked: {
                    card.run(qsTr("DTMF %1").arg(digits.text), card.channel.sendDtmf(digits.text))
                    digits.clear()
                }
            }
        }
    }
}
