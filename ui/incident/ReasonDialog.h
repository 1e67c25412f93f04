#pragma once

#include <QDialog>

#include <optional>

class QLineEdit;
class QPushButton;

// Asks why, for edits the timeline must explain (a severity change, an overridden suggestion). OK needs some text.
class ReasonDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReasonDialog)

public:
    ReasonDialog(const QString &title, const QString &prompt, QWidget *parent);
    QString reason() const;

    // The reason typed, or nothing when the user cancelled.
    static std::optional<QString> ask(QWidget *parent, const QString &title, const QString &prompt);

private:
    QLineEdit *m_reason;
    QPushButton *m_ok;
};
