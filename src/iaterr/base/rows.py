"""Sequences whose items are made on access (from columns, or from a spool): one object per item only while it
is used, not one per item for the whole run."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class MadeOnAccess(Sequence[T]):
    """A sequence of :meth:`_made` items: subclasses give ``__len__`` and ``_made(n)``, the ``n``-th item made
    anew (what is set on it stays with that object)."""

    def __len__(self) -> int:
        raise NotImplementedError

    def _made(self, n: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._made(n) for n in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._made(index)

    def __iter__(self) -> Iterator[T]:
        for n in range(len(self)):
            yield self._made(n)
