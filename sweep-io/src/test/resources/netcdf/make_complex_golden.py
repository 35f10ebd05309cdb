"""Writes the complex-valued NetCDF-4 file that sweep's Java tests read: xarray_complex.nc.

    /usr/bin/python3 make_complex_golden.py [output-directory]

xarray writes complex values only through its h5netcdf engine with invalid_netcdf=True: each
complex variable becomes an HDF5 compound {r, i} of two floats, which h5py and xarray's h5netcdf
engine read back as complex (Debian 12: python3-xarray 2023.01, python3-h5netcdf 1.1.0,
python3-h5py 3.7.0). The dataset holds a complex128 variable over two labelled dimensions with
NaN in one part of one element, a complex64 vector, and a float64 variable beside them.
"""
import os
import sys

import numpy as np
import xarray as xr


def dataset():
    amp = np.array([[1 + 2j, 3 - 4j, 0.5j], [np.nan + 1j, -1.5 + 0j, 2 + 2j]], dtype="complex128")
    return xr.Dataset(
        data_vars={
            "amp": (("field", "t"), amp, {"units": "V"}),
            "psi": ("t", np.array([1 + 1j, 2 - 0.25j, -3j], dtype="complex64")),
            "energy": ("field", [0.25, 0.75]),
        },
        coords={"field": [0.1, 0.2], "t": np.array([0, 10, 20], dtype="int64")},
        attrs={"model": "two-level"},
    )


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(out, "xarray_complex.nc")
    if os.path.exists(path):
        os.remove(path)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # h5netcdf warns that complex values are not standard NetCDF-4
        dataset().to_netcdf(path, engine="h5netcdf", invalid_netcdf=True)


if __name__ == "__main__":
    main()
