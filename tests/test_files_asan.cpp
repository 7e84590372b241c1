// The safetensors reader against damaged files, built with AddressSanitizer and UBSan (CTest
// files_asan), so that a read past a buffer or an overflowing size fails the run.
#include "safetensorscases.h"

#include <QTemporaryDir>

// Damaged files under the sanitizers.
class FilesAsanTest : public QObject {
    Q_OBJECT

private slots:
    void corruptedFileRejected_data() { safetensorscases::addCorruptedRows(); }
    void corruptedFileRejected()
    {
        QTemporaryDir folder;
        QVERIFY2(folder.isValid(), "cannot create a temporary folder");
        safetensorscases::checkCorruptedRow(folder.path());
    }
    void everyTruncationRejected() { safetensorscases::checkEveryTruncationRejected(); }
    void byteFlipsNeverCrash() { safetensorscases::checkByteFlipsNeverCrash(); }
};

QTEST_GUILESS_MAIN(FilesAsanTest)
#include "test_files_asan.moc"
