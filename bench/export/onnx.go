package main

import (
	"encoding/binary"
	"fmt"
	"math"

	"google.golang.org/protobuf/encoding/protowire"

	"github.com/godae/dae/nn"
)

// The ONNX protobuf field numbers this writer uses (onnx/onnx.proto).
const (
	modelIRVersion, modelGraph, modelOpset = 1, 7, 8
	opsetVersion                           = 2
	graphNode, graphName, graphInit        = 1, 2, 5
	graphInput, graphOutput                = 11, 12
	nodeInput, nodeOutput, nodeName        = 1, 2, 3
	nodeOpType, nodeAttr                   = 4, 5
	attrName, attrI, attrS, attrIntsField  = 1, 3, 4, 8
	attrType                               = 20
	attrInt, attrString, attrIntList       = 2, 3, 7
	tensorDims, tensorType, tensorName     = 1, 2, 8
	tensorRaw                              = 9
	onnxFloat                              = 1
	valueName, valueType                   = 1, 2
	typeTensor, tensorElem, tensorShape    = 1, 1, 2
	shapeDim, dimValue, dimParam           = 1, 1, 2
)

type msg []byte

func (m msg) bytes(field protowire.Number, b []byte) msg {
	m = protowire.AppendTag(m, field, protowire.BytesType)
	return protowire.AppendBytes(m, b)
}

func (m msg) str(field protowire.Number, s string) msg { return m.bytes(field, []byte(s)) }

func (m msg) varint(field protowire.Number, v int64) msg {
	m = protowire.AppendTag(m, field, protowire.VarintType)
	return protowire.AppendVarint(m, uint64(v))
}

func attrInts(name string, v ...int64) msg {
	a := msg{}.str(attrName, name).varint(attrType, attrIntList)
	for _, x := range v {
		a = a.varint(attrIntsField, x)
	}
	return a
}

func attrInt1(name string, v int64) msg {
	return msg{}.str(attrName, name).varint(attrI, v).varint(attrType, attrInt)
}

func attrStr(name, v string) msg {
	return msg{}.str(attrName, name).bytes(attrS, []byte(v)).varint(attrType, attrString)
}

func node(op, name string, inputs, outputs []string, attrs ...msg) msg {
	n := msg{}
	for _, in := range inputs {
		n = n.str(nodeInput, in)
	}
	for _, out := range outputs {
		n = n.str(nodeOutput, out)
	}
	n = n.str(nodeName, name).str(nodeOpType, op)
	for _, a := range attrs {
		n = n.bytes(nodeAttr, a)
	}
	return n
}

func tensor(name string, dims []int64, vals []float32) msg {
	t := msg{}
	for _, d := range dims {
		t = t.varint(tensorDims, d)
	}
	raw := make([]byte, 4*len(vals))
	for i, v := range vals {
		binary.LittleEndian.PutUint32(raw[4*i:], math.Float32bits(v))
	}
	return t.varint(tensorType, onnxFloat).str(tensorName, name).bytes(tensorRaw, raw)
}

// valueInfo declares a float tensor N×C×H×W with a symbolic batch size.
func valueInfo(name string, s nn.Shape) msg {
	shape := msg{}.bytes(shapeDim, msg{}.str(dimParam, "N"))
	for _, d := range []int{s.C, s.H, s.W} {
		shape = shape.bytes(shapeDim, msg{}.varint(dimValue, int64(d)))
	}
	tt := msg{}.varint(tensorElem, onnxFloat).bytes(tensorShape, shape)
	return msg{}.str(valueName, name).bytes(valueType, msg{}.bytes(typeTensor, tt))
}

// onnxModel writes the autoencoder as an ONNX model (opset 13): Conv with
// bias, Relu and Sigmoid, MaxPool with ceil_mode (Keras 'same' for 2×2),
// and Resize nearest ×2 for upsampling.
func onnxModel(a nn.Arch, params map[string]nn.Tensor) ([]byte, error) {
	g := msg{}.str(graphName, "godae")
	specs := a.Params()
	cur := "input"
	scales := tensor("up_scales", []int64{4}, []float32{1, 1, 2, 2})
	g = g.bytes(graphInit, scales)
	layers := append(append([]nn.Layer(nil), a.Encoder...), a.Decoder...)
	for i, l := range layers {
		out := fmt.Sprintf("t%d", i)
		name := fmt.Sprintf("layer%d", i)
		switch l.Kind {
		case nn.KindConv:
			w, b := specs[0], specs[1]
			specs = specs[2:]
			dims := make([]int64, len(w.Shape))
			for j, d := range w.Shape {
				dims[j] = int64(d)
			}
			g = g.bytes(graphInit, tensor(w.Name, dims, params[w.Name].Data))
			g = g.bytes(graphInit, tensor(b.Name, []int64{int64(b.Shape[0])}, params[b.Name].Data))
			p := int64(1)
			if l.Padding == nn.PaddingValid {
				p = 0
			}
			convOut := out
			if l.Activation != nn.ActNone {
				convOut = out + "_conv"
			}
			g = g.bytes(graphNode, node("Conv", name, []string{cur, w.Name, b.Name}, []string{convOut},
				attrInts("kernel_shape", 3, 3), attrInts("pads", p, p, p, p), attrInts("strides", 1, 1)))
			switch l.Activation {
			case nn.ActReLU:
				g = g.bytes(graphNode, node("Relu", name+"_relu", []string{convOut}, []string{out}))
			case nn.ActSigmoid:
				g = g.bytes(graphNode, node("Sigmoid", name+"_sigmoid", []string{convOut}, []string{out}))
			}
		case nn.KindMaxPool:
			g = g.bytes(graphNode, node("MaxPool", name, []string{cur}, []string{out},
				attrInts("kernel_shape", 2, 2), attrInts("strides", 2, 2), attrInt1("ceil_mode", 1)))
		case nn.KindUpsample:
			g = g.bytes(graphNode, node("Resize", name, []string{cur, "", "up_scales"}, []string{out},
				attrStr("mode", "nearest"), attrStr("coordinate_transformation_mode", "asymmetric"), attrStr("nearest_mode", "floor")))
		}
		cur = out
	}
	g = g.bytes(graphNode, node("Identity", "output", []string{cur}, []string{"output"}))
	g = g.bytes(graphInput, valueInfo("input", a.Input))
	g = g.bytes(graphOutput, valueInfo("output", a.Input))
	m := msg{}.varint(modelIRVersion, 7).bytes(modelGraph, g).bytes(modelOpset, msg{}.varint(opsetVersion, 13))
	return m, nil
}
