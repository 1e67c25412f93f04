#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class ReviewSession;
class Workspace;

// The postmortem meeting's presentation view: full screen, large type, one key moment at a time with the severity,
// role holders and firing alerts of that time. Key moments and action items can be added without leaving it.
// Keys: Right/Space/PageDown next, Left/PageUp previous, Home/End, K add key moment, A add action item,
// Ctrl+Z / Ctrl+Shift+Z undo and redo, Esc closes (or cancels the open editor). Deletes itself when closed.
class ReviewModeWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewModeWindow)

public:
    ReviewModeWindow(Workspace &workspace, qint64 incidentId, QWidget *parent = nullptr);

    ReviewSession *session() const { return m_session; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildLayout();
    void render();
    void applyScale();
    void fitEntryText();
    void openKeyMomentEditor();
    void openActionItemEditor();
    void closeEditors();
    void addKeyMoment();
    void addActionItem();
    void showFeedback(const QString &text, bool problem = false);

    Workspace &m_workspace;
    ReviewSession *m_session;
    int m_entryPixels = 40; // the entry's full size; fitEntryText shrinks a long entry from here

    QLabel *m_header;
    QWidget *m_momentView;
    QLabel *m_time;
    QLabel *m_timeDetail;
    QScrollArea *m_entryScroll;
    QLabel *m_entry;
    QLabel *m_entryMeta;
    QLabel *m_empty;
    QLabel *m_severity;
    QLabel *m_roles;
    QLabel *m_alerts;
    QList<QLabel *> m_captions;

    QWidget *m_keyMomentBar;
    QLabel *m_keyMomentPrompt;
    QLineEdit *m_keyMomentEdit;
    QWidget *m_actionItemBar;
    QLineEdit *m_actionTitleEdit;
    QComboBox *m_actionOwner;
    QLabel *m_feedback;
    QList<QPushButton *> m_buttons;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_first;
    QPushButton *m_last;
};
