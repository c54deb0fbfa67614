package align

// LexicalWeights are the weights of the Lexical similarity.
//
// Provisional hand-set values until the fit on the MRPC train split lands
// (`wiretrace eval mrpc --fit` prints them).
var LexicalWeights = Weights{
	Bias: -4,
	W:    [NumFeatures]float64{6, 2, 0, 1, -1, -0.5, -0.5, 0.5},
}

// MRPCThreshold is the Lexical score from which two sentences are called
// paraphrases in the MRPC task (provisional until the fit lands).
const MRPCThreshold = 0.5
