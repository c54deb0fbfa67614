package align

// LexicalWeights are the weights of the Lexical similarity's logistic model
// over the FeatureVector.
//
// They were fit on the train split of the MRPC paraphrase corpus (4,076
// sentence pairs; ../shared/eval/mrpc) by L2-regularised logistic
// regression (lambda 1e-3 on standardised features, 3,000 full-batch
// gradient steps), with the Fallback thesaurus, the one Align uses by
// default. Reproduce with:
//
//	wiretrace eval mrpc --fit
//
// The test split was not used. Some weights look odd on their own (F1
// negative, LengthRatio negative) because the features overlap; only their
// sum is meaningful.
var LexicalWeights = Weights{
	Bias: -0.5181,
	W: [NumFeatures]float64{-0.4328, 2.4509, 0.5393, -2.4141, -0.2459, 0.0192, -1.0534,
		-4.7099, 3.7211, -1.5985, -1.8944, -0.1518, 0.0260, 0.1777, 7.4211, -3.2565,
		2.1529, -1.6515, 3.8654, -0.9470},
}

// MRPCThreshold is the Lexical score from which two sentences are called
// paraphrases: the threshold that maximises accuracy on the MRPC train
// split with LexicalWeights (printed by `wiretrace eval mrpc`).
const MRPCThreshold = 0.5130
