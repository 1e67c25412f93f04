#pragma once

#include "AlertSource.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

// Preferences kept with QSettings: alert sources, poll interval, display time zone, the user's name.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(QWidget *parent);

    void accept() override; // validates, then saves

private:
    void addSourceRow(const AlertSource &source);

    QTableWidget *m_sources;
    QSpinBox *m_pollInterval;
    QComboBox *m_timeZone;
    QComboBox *m_thirdZone;
    QLineEdit *m_author;
    QLineEdit *m_notify;
    QList<QSpinBox *> m_cadence; // internal SEV-1..3, then customer SEV-1..3
    QLabel *m_problem;
};
