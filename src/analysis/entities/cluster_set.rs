//! Union–find over clustering nodes with guards that can refuse a union: a user's split
//! (cannot-link sides) and the first names of the people already in each cluster.

use super::name_match::first_name_distance;

/// Why two clusters must stay apart, carried by each cluster's root.
#[derive(Clone, Debug, Default)]
pub(crate) struct NodeGuard {
    /// Cannot-link sides (see `OverrideRules`): tag `t` refuses a cluster holding `t ^ 1`.
    pub(crate) split_sides: Vec<u32>,
    /// Folded first names of the full person names in the cluster.
    pub(crate) first_names: Vec<String>,
}

impl NodeGuard {
    fn allows(&self, other: &NodeGuard) -> bool {
        let splits_ok = self
            .split_sides
            .iter()
            .all(|side| !other.split_sides.contains(&(side ^ 1)));
        // Two people who share a surname stay apart when their first names differ.
        let names_ok = self.first_names.iter().all(|a| {
            other
                .first_names
                .iter()
                .all(|b| first_name_distance(a, b).is_some())
        });
        splits_ok && names_ok
    }

    fn absorb(&mut self, other: NodeGuard) {
        for side in other.split_sides {
            if !self.split_sides.contains(&side) {
                self.split_sides.push(side);
            }
        }
        for name in other.first_names {
            if !self.first_names.contains(&name) {
                self.first_names.push(name);
            }
        }
    }
}

/// Disjoint sets of nodes. Roots are the smallest node of their set, so results do not depend
/// on the order of unions.
#[derive(Debug, Default)]
pub(crate) struct ClusterSet {
    parent: Vec<u32>,
    guards: Vec<NodeGuard>,
}

impl ClusterSet {
    pub(crate) fn add_node(&mut self, guard: NodeGuard) -> u32 {
        let id = self.parent.len() as u32;
        self.parent.push(id);
        self.guards.push(guard);
        id
    }

    pub(crate) fn find(&mut self, node: u32) -> u32 {
        let mut root = node;
        while self.parent[root as usize] != root {
            root = self.parent[root as usize];
        }
        let mut current = node;
        while self.parent[current as usize] != root {
            let next = self.parent[current as usize];
            self.parent[current as usize] = root;
            current = next;
        }
        root
    }

    /// Joins the clusters of `a` and `b` unless a guard forbids it. True when they end up
    /// together.
    pub(crate) fn union(&mut self, a: u32, b: u32) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        if !self.guards[ra as usize].allows(&self.guards[rb as usize]) {
            return false;
        }
        self.join_roots(ra, rb);
        true
    }

    /// Joins the clusters whatever the guards say (a user's explicit merge).
    pub(crate) fn force_union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.join_roots(ra, rb);
        }
    }

    fn join_roots(&mut self, ra: u32, rb: u32) {
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone as usize] = keep;
        let moved = std::mem::take(&mut self.guards[gone as usize]);
        self.guards[keep as usize].absorb(moved);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(first: &str) -> NodeGuard {
        NodeGuard {
            first_names: vec![first.into()],
            ..NodeGuard::default()
        }
    }

    #[test]
    fn people_with_different_first_names_stay_apart() {
        let mut set = ClusterSet::default();
        let bashar = set.add_node(person("bashar"));
        let hafez = set.add_node(person("hafez"));
        let bare = set.add_node(NodeGuard::default());
        assert!(set.union(bare, bashar));
        assert!(!set.union(hafez, bare));
        assert_eq!(set.find(bare), bashar);
        assert_ne!(set.find(hafez), bashar);
    }

    #[test]
    fn an_initial_joins_one_full_first_name_only() {
        let mut set = ClusterSet::default();
        let initial = set.add_node(person("a"));
        let adam = set.add_node(person("adam"));
        let alice = set.add_node(person("alice"));
        assert!(set.union(initial, adam));
        assert!(!set.union(initial, alice));
    }

    #[test]
    fn split_sides_refuse_unless_forced() {
        let mut set = ClusterSet::default();
        let side = |s: u32| NodeGuard {
            split_sides: vec![s],
            ..NodeGuard::default()
        };
        let sana = set.add_node(side(0));
        let agency = set.add_node(side(1));
        assert!(!set.union(sana, agency));
        set.force_union(sana, agency);
        assert_eq!(set.find(agency), sana);
    }
}
