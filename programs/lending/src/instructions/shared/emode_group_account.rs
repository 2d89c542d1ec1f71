//! An obligation's e-mode group passed after its reserves in the remaining accounts: split off
//! and loaded in place as the core's layout.

use super::zero_copy_account::{read_as, read_as_mut};
use crate::state::EmodeGroup;
use anchor_lang::prelude::*;
use core::cell::{Ref, RefMut};
use lending_core::state::EmodeGroup as Group;

/// Splits `count` group accounts (0, 1 or 2) off the end of `remaining`: the reserves come
/// first, then the groups in order. With too few accounts the reserve checks refuse.
pub fn split_groups<'a, 'info>(
    remaining: &'a [AccountInfo<'info>],
    count: usize,
) -> (&'a [AccountInfo<'info>], &'a [AccountInfo<'info>]) {
    remaining.split_at(remaining.len().saturating_sub(count))
}

/// Loads a group account read-only.
pub fn load_group<'a>(info: &'a AccountInfo) -> Result<Ref<'a, Group>> {
    read_as::<EmodeGroup, Group>(info)
}

/// Loads the group at `i` of `groups` writable, if there is one.
pub fn group_mut_at<'a>(groups: &'a [AccountInfo], i: usize) -> Result<Option<RefMut<'a, Group>>> {
    groups
        .get(i)
        .map(read_as_mut::<EmodeGroup, Group>)
        .transpose()
}
