package evaluation

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/godae/dae/classic"
	"github.com/godae/dae/mnist"
	"github.com/godae/dae/noise"
	"github.com/godae/dae/weights"
)

// The quality bars the shipped weights must meet on the 10,000 noisy test
// digits (README, "Results"); make eval prints the same numbers. The scores
// are means over 10,000 images computed in float64 from float32 outputs
// that another processor may round differently in the last bit (about
// 1e-7), which moves a mean PSNR by far less than 1e-4 dB: the margins
// (0.3 dB, 0.02 SSIM, 0.6 dB over the median filter) are not at risk.
const (
	minPSNR          = 17.5
	minSSIM          = 0.77
	minMarginClassic = 3.0 // dB over the best classical denoiser
)

// compareDigits is how many of the test digits (the first) the tests use
// to compare two denoisers, where the margins are wide: 3.6 dB for the DAE
// over the best classical method (3.0 asked), 76 points for the reader's
// share of the denoised digits over the noisy ones (30 asked). A mean over
// 2,000 images is within a few hundredths of a dB and about a point of the
// mean over all 10,000, and the classical methods on all of them took a
// quarter of this package's time. make eval compares on all of them.
const compareDigits = 2000

func TestShippedWeightsMeetTheBars(t *testing.T) {
	dir, err := mnist.DefaultDir()
	require.NoError(t, err)
	testImgs, err := mnist.Load(dir, mnist.Test)
	require.NoError(t, err)
	test := TestSet(testImgs, 0, 0.5)

	dae, err := weights.Read("../weights/dae.safetensors")
	require.NoError(t, err)
	ae, err := weights.Read("../weights/ae.safetensors")
	require.NoError(t, err)
	d, err := Model("denoising autoencoder", dae.Model, test, nil)
	require.NoError(t, err)
	a, err := Model("plain autoencoder", ae.Model, test, nil)
	require.NoError(t, err)
	t.Logf("DAE %.2f dB / %.3f, AE %.2f dB / %.3f", d.Scores.PSNR, d.Scores.SSIM, a.Scores.PSNR, a.Scores.SSIM)
	assert.GreaterOrEqual(t, d.Scores.PSNR, minPSNR)
	assert.GreaterOrEqual(t, d.Scores.SSIM, minSSIM)
	assert.Less(t, a.Scores.PSNR, d.Scores.PSNR-2, "the plain autoencoder does visibly worse on noisy digits")

	tuned, err := ReadTuned("../" + TunedFile)
	require.NoError(t, err)
	require.Equal(t, 0.5, tuned.Noise)
	few := TestSet(testImgs, compareDigits, 0.5)
	d, err = Model("denoising autoencoder", dae.Model, few, nil)
	require.NoError(t, err)
	best := 0.0
	for _, m := range classic.Methods {
		r, err := Classical(m, tuned.Params[m.Name], few, nil)
		require.NoError(t, err)
		t.Logf("%s (%s): %.2f dB / %.3f", r.Name, r.Param, r.Scores.PSNR, r.Scores.SSIM)
		best = max(best, r.Scores.PSNR)
	}
	assert.GreaterOrEqual(t, d.Scores.PSNR, best+minMarginClassic, "the DAE (%.2f dB on these digits) beats the best classical denoiser by %g dB", d.Scores.PSNR, minMarginClassic)

	for _, key := range []string{"model", "data", "input", "optimizer", "epochs", "seed", "commit", "test_psnr_db", "test_ssim"} {
		assert.NotEmpty(t, dae.Metadata[key], "metadata %q", key)
	}
}

// The kept parameters are what tuning gives today: tuning again on the
// same noisy training digits picks the same ones.
func TestTunedParamsAreCurrent(t *testing.T) {
	kept, err := ReadTuned("../" + TunedFile)
	require.NoError(t, err)
	dir, err := mnist.DefaultDir()
	require.NoError(t, err)
	train, err := mnist.LoadFirst(dir, mnist.Train, kept.Images)
	require.NoError(t, err)
	assert.Equal(t, kept, TuneAll(train, kept.Images, kept.Noise), "run make eval ARGS=-retune")
}

// The digit reader reads at least 99 % of the clean test digits right, as
// its metadata says, and it is what make eval reads the denoisers with.
func TestShippedReaderMeetsItsBar(t *testing.T) {
	dir, err := mnist.DefaultDir()
	require.NoError(t, err)
	testImgs, err := mnist.Load(dir, mnist.Test)
	require.NoError(t, err)
	rd, err := weights.Read("../weights/classifier.safetensors")
	require.NoError(t, err)
	r, err := Identity(Corrupt(testImgs, 0, Clean, noise.TestSeed), rd.Model)
	require.NoError(t, err)
	t.Logf("the reader reads %.2f %% of the clean test digits right (metadata: %s)", 100*r.Read, rd.Metadata["test_accuracy"])
	assert.GreaterOrEqual(t, r.Read, 0.99)
	// libtorch measured it in training; a digit whose two best scores are
	// within rounding of each other may be read either way by nn.
	meta, err := strconv.ParseFloat(rd.Metadata["test_accuracy"], 64)
	require.NoError(t, err)
	assert.InDelta(t, meta, r.Read, 3e-4, "the metadata's figure is this one, within 3 digits of 10,000")

	few := TestSet(testImgs, compareDigits, 0.5)
	noisy, err := Identity(few, rd.Model)
	require.NoError(t, err)
	dae, err := weights.Read("../weights/dae.safetensors")
	require.NoError(t, err)
	denoised, err := Model("denoising autoencoder", dae.Model, few, rd.Model)
	require.NoError(t, err)
	t.Logf("Gaussian 0.5: the reader reads %.1f %% of the noisy digits, %.1f %% of the denoised ones", 100*noisy.Read, 100*denoised.Read)
	assert.Greater(t, denoised.Read, noisy.Read+0.3, "denoising makes noisy digits readable")
}
