#!/usr/bin/python3
"""Converts scikit-learn's small bundled data sets into LayerLab's CSV files.

Run with Debian's interpreter (python3-sklearn installs the raw files):
    /usr/bin/python3 datasets/data/make_bundled.py
scikit-learn's files open with "n_samples,n_features,class names..." instead of a header and
hold class numbers; ours open with a header of feature names and hold class names.
Only the standard library is used: the raw files are read directly, the feature names are
those of sklearn.datasets.load_iris/load_wine/load_breast_cancer/load_digits.
"""

import csv
import gzip
import os
import sys

SOURCE = "/usr/lib/python3/dist-packages/sklearn/datasets/data"
HERE = os.path.dirname(os.path.abspath(__file__))

IRIS_FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
WINE_FEATURES = [
    "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
    "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
    "od280_od315_of_diluted_wines", "proline",
]
CANCER_MEASURES = [
    "radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
    "concave_points", "symmetry", "fractal_dimension",
]
CANCER_FEATURES = ([f"mean_{m}" for m in CANCER_MEASURES]
                   + [f"{m}_error" for m in CANCER_MEASURES]
                   + [f"worst_{m}" for m in CANCER_MEASURES])
DIGITS_FEATURES = [f"pixel_{row}_{col}" for row in range(8) for col in range(8)]
DIGITS_CLASSES = [str(digit) for digit in range(10)]


def read_sklearn_csv(name):
    """Rows of an sklearn file whose first line is n_samples,n_features,class names."""
    with open(os.path.join(SOURCE, name), newline="") as f:
        rows = list(csv.reader(f))
    samples, features = int(rows[0][0]), int(rows[0][1])
    classes = rows[0][2:]
    data = [row for row in rows[1:] if row]
    check(len(data) == samples and all(len(row) == features + 1 for row in data), name)
    return data, classes


def read_digits():
    with gzip.open(os.path.join(SOURCE, "digits.csv.gz"), "rt", newline="") as f:
        data = [row for row in csv.reader(f) if row]
    check(len(data) == 1797 and all(len(row) == 65 for row in data), "digits.csv.gz")
    # Pixels are counts 0..16 written as floats by some releases: keep them as integers.
    return [[str(int(float(v))) for v in row] for row in data], DIGITS_CLASSES


def check(condition, name):
    if not condition:
        sys.exit(f"{name}: unexpected layout; has scikit-learn changed its data files?")


def write(name, header, label, data, classes):
    path = os.path.join(HERE, name)
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header + [label])
        for row in data:
            out.writerow(row[:-1] + [classes[int(float(row[-1]))]])
    print(f"{path}: {len(data)} samples, {len(header)} features, {len(classes)} classes")


def main():
    data, classes = read_sklearn_csv("iris.csv")
    write("iris.csv", IRIS_FEATURES, "species", data, classes)
    data, classes = read_sklearn_csv("wine_data.csv")
    write("wine.csv", WINE_FEATURES, "cultivar", data, classes)
    data, classes = read_sklearn_csv("breast_cancer.csv")
    write("breast-cancer.csv", CANCER_FEATURES, "diagnosis", data, classes)
    data, classes = read_digits()
    write("digits.csv", DIGITS_FEATURES, "digit", data, classes)


if __name__ == "__main__":
    main()
