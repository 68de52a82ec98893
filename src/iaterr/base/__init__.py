"""The ground layer: types and safe primitives that every other layer may use, and that use nothing above."""
