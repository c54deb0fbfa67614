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
	Bias: -0.7040,
	W: [NumFeatures]float64{-0.4440, 2.2523, 0.5757, -2.4547, -0.2976, 0.0230, -1.0616,
		-4.4558, 3.3484, -1.0721, -2.2979, -0.1354, 0.0158, 0.1625, 6.8826, -3.3553,
		1.8781, -1.4363, 5.0358, -0.7911},
}

// MRPCThreshold is the Lexical score from which two sentences are called
// paraphrases: the threshold that maximises accuracy on the MRPC train
// split with LexicalWeights (printed by `wiretrace eval mrpc`).
const MRPCThreshold = 0.5193
