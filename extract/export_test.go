package extract

// FlattenHTML exposes flattenHTML to the external tests, which render
// HTML pages to text dumps.
var FlattenHTML = flattenHTML
