"""Runs xarray's everyday operations on a file sweep wrote, for XarrayOperationsTest to compare with sweep's.

    /usr/bin/python3 xarray_operations.py IN.nc OUT_DIR

Writes OUT_DIR/<name>.nc (NetCDF-4) for each operation below, which XarrayOperationsTest runs in Java
under the same name, and OUT_DIR/to_dataframe.csv, the long-form table of the input
(to_dataframe().reset_index()). Prints "ok" when done.
"""
import sys
import warnings

import numpy as np
import xarray as xr

warnings.simplefilter("ignore")  # all-NaN slices and degrees of freedom <= 0, as expected

NUMERIC = ["f", "g", "i", "n", "ok"]

OPERATIONS = {
    "mean_a": lambda ds: ds[NUMERIC].mean("a"),
    "mean_all": lambda ds: ds[["f", "i", "n", "ok"]].mean(),
    "sum_ab_noskip": lambda ds: ds[NUMERIC].sum(["a", "b"], skipna=False),
    "sum_t_min_count": lambda ds: ds[["f", "g"]].sum("t", min_count=4),
    "std_t_ddof1": lambda ds: ds[NUMERIC].std("t", ddof=1),
    "var_bt": lambda ds: ds[NUMERIC].var(["b", "t"]),
    "median_b": lambda ds: ds[NUMERIC].median("b"),
    "prod_t": lambda ds: ds[NUMERIC].prod("t"),
    "count_a": lambda ds: ds.count("a"),
    "min_a": lambda ds: ds.min("a"),
    "max_b_noskip": lambda ds: ds[NUMERIC].max("b", skipna=False),
    "idxmin_a": lambda ds: ds[["f", "g", "i", "ok"]].idxmin("a"),
    "idxmax_t": lambda ds: ds[["f", "g", "n", "ok"]].idxmax("t"),
    "sel_range": lambda ds: ds.sel(t=slice(0.25, 0.75), b=slice("y", None)),
    "sel_nearest": lambda ds: ds.sel(t=[0.3, 0.9], method="nearest", tolerance=0.1),
    "isel_steps": lambda ds: ds.isel(t=slice(None, None, 2), a=slice(-1, 0, -2)),
    "where_f_positive": lambda ds: ds.where(ds.f > 0),
    "dropna_a_any": lambda ds: ds[["f", "g"]].dropna("a"),
    "dropna_t_all": lambda ds: ds[["f", "g"]].dropna("t", how="all"),
    "drop_sel": lambda ds: ds.drop_sel(b=["y"], t=[0.0]),
    "transpose": lambda ds: ds.transpose("t", "a", "b"),
    "expand_dims": lambda ds: ds.expand_dims({"k": [8]}),
    "squeeze": lambda ds: ds.isel(a=[1]).squeeze(drop=True),
    "concat_a": lambda ds: xr.concat([ds.isel(a=[0, 1]), ds.isel(a=[2, 3])], "a"),
    "concat_new": lambda ds: xr.concat([ds, ds], "run"),
    "rename": lambda ds: ds.rename({"f": "energy", "a": "amp"}),
    "assign_product": lambda ds: ds.assign(energy=ds.f * ds.g),
    "assign_broadcast": lambda ds: ds.assign(h=ds.g + ds.i, k=ds.n / ds.t),
    "assign_map": lambda ds: ds.assign(sg=np.sin(ds.g) * 2),
    "where_test": lambda ds: ds[["g", "i"]].where(ds.g < 5),
}


def main(path, out):
    ds = xr.open_dataset(path).load()
    for name, op in OPERATIONS.items():
        result = op(ds)
        for v in result.variables.values():
            v.encoding = {}  # the input's NetCDF-3 char encoding does not carry over to NetCDF-4 strings
        result.to_netcdf(f"{out}/{name}.nc", format="NETCDF4")
    ds.to_dataframe().reset_index().to_csv(f"{out}/to_dataframe.csv", index=False, float_format="%.17g")
    print("ok")


if __name__ == "__main__":
    main(*sys.argv[1:])
