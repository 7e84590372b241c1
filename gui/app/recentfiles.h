// RecentFiles: the File ▸ Recent list, kept in QSettings across runs.
#pragma once

#include <QObject>
#include <QStringList>

// Most recent first, at most kMaximum entries, each an absolute path.
class RecentFiles : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaximum = 8;

    explicit RecentFiles(QObject *parent = nullptr);

    QStringList paths() const;
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

signals:
    void changed();

private:
    void store(const QStringList &paths);
};
