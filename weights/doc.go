// Package weights reads and writes autoencoder weights as safetensors files.
//
// A weights file holds one F32 tensor per parameter of the architecture,
// named and shaped as [nn.Arch.Params] says (PyTorch's names, conv weights in
// OIHW order), so that it loads with load_state_dict(strict=True) into the
// equivalent PyTorch or libtorch module. Its __metadata__ carries the
// architecture as JSON under the key "arch" and, for trained weights, the
// facts of the training run under other keys.
//
// # Security considerations
//
// Files may come from anyone (the web app accepts uploads). Parse checks
// everything before it trusts it: the header length against [MaxHeaderSize]
// and the data, the JSON, offsets that must tile the data exactly, dtypes,
// names and shapes against the architecture, and non-finite values. The
// architecture itself is bounded field by field ([nn.MaxLayers],
// [nn.MaxChannels], [nn.MaxSide]) and in its total cost per image
// ([nn.MaxMACs], [nn.MaxValues], [nn.MaxParams], [nn.MaxWorkspaceBytes]), so that no file that loads can
// make the engine allocate or compute without limit; a file larger than
// [MaxFileSize] is refused once a byte past it is read (no more is).
package weights
