package index

// CommonKeys returns how many terms and band keys ix knows to be
// common.
func (ix *Index) CommonKeys() (terms, bands int) {
	ix.common.mu.RLock()
	defer ix.common.mu.RUnlock()
	return len(ix.common.terms), len(ix.common.bands)
}
