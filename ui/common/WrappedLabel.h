#pragma once

#include <QLabel>

// A word-wrapped label that a crowded layout cannot squeeze below the lines its words need: Qt's own minimum for a
// wrapped label is one short line, so on a laptop a warning or a suggestion lost its first and last lines.
class WrappedLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WrappedLabel)

public:
    explicit WrappedLabel(QWidget *parent);

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int m_neededHeight = -1; // for the width last laid out at
};
