<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccuracyChartView</name>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>epoch %1 · step %2
training %3
validation %4</source>
        <translation>第 %1 轮 · 第 %2 步
训练 %3
验证 %4</translation>
    </message>
</context>
<context>
    <name>AddNodeCommand</name>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
</context>
<context>
    <name>AttentionView</name>
    <message>
        <source>Self-attention lets every token gather information from the others. Each square is one &lt;i&gt;head&lt;/i&gt; of the chosen attention layer, for one sample of the batch just trained. Row &lt;i&gt;i&lt;/i&gt; is the token that asks (the query), column &lt;i&gt;j&lt;/i&gt; a token it may read from (the key); the darker the cell, the more of token &lt;i&gt;j&lt;/i&gt;&apos;s value goes into token &lt;i&gt;i&lt;/i&gt;&apos;s output: softmax(QKᵀ/√d). Each row sums to 1. Padding is cut off. Watch the heads specialise: one looks at the neighbours, another at the first letter.</source>
        <translation>自注意力让每个词元从其他词元收集信息。每个方块是所选注意力层的一个&lt;i&gt;头&lt;/i&gt;，对应刚训练的批次中的一个样本。第 &lt;i&gt;i&lt;/i&gt; 行是提问的词元（查询），第 &lt;i&gt;j&lt;/i&gt; 列是它可以读取的词元（键）；格子颜色越深，词元 &lt;i&gt;j&lt;/i&gt; 的值进入词元 &lt;i&gt;i&lt;/i&gt; 输出的部分就越多：softmax(QKᵀ/√d)。每行之和为 1。填充部分已截去。观察各个头如何分工：有的关注相邻词元，有的关注首字母。</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>No attention weights yet: train a network with a MultiHeadAttention layer and they appear here.</source>
        <translation>尚无注意力权重：训练一个含 MultiHeadAttention 层的网络后，它们会显示在这里。</translation>
    </message>
</context>
<context>
    <name>AugmentPreview</name>
    <message>
        <source>One training image as the first %1 epochs would show it to the network.</source>
        <translation>一张训练图像在前 %1 轮中呈现给网络的样子。</translation>
    </message>
    <message>
        <source>Augmented samples show here once image data is loaded.</source>
        <translation>加载图像数据后，这里会显示增强后的样本。</translation>
    </message>
</context>
<context>
    <name>AugmentSection</name>
    <message>
        <source>Flip left–right</source>
        <translation>左右翻转</translation>
    </message>
    <message>
        <source>Flip upside down</source>
        <translation>上下翻转</translation>
    </message>
    <message>
        <source>Shift (pixels)</source>
        <translation>平移（像素）</translation>
    </message>
    <message>
        <source>Random crop (padding)</source>
        <translation>随机裁剪（填充）</translation>
    </message>
    <message>
        <source>Rotation (degrees)</source>
        <translation>旋转（度）</translation>
    </message>
    <message>
        <source>Brightness ±</source>
        <translation>亮度 ±</translation>
    </message>
    <message>
        <source>Contrast ±</source>
        <translation>对比度 ±</translation>
    </message>
    <message>
        <source>&lt;b&gt;Augmentation&lt;/b&gt; — random changes to the training images, new every epoch</source>
        <translation>&lt;b&gt;数据增强&lt;/b&gt; — 对训练图像做随机变化，每轮都重新生成</translation>
    </message>
</context>
<context>
    <name>AutoLayoutCommand</name>
    <message>
        <source>Auto Layout</source>
        <translation>自动布局</translation>
    </message>
</context>
<context>
    <name>BackpropStepper</name>
    <message>
        <source>Forward</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>y = f(Σₖ W[c,k] ⋆ x[k] + b[c]) at filter c = %1, output row r = %2, column s = %3 of sample n = %4 (where this filter answers most); stride %5, padding %6</source>
        <translation>y = f(Σₖ W[c,k] ⋆ x[k] + b[c])，滤波器 c = %1，样本 n = %4 的输出第 r = %2 行、第 s = %3 列（该滤波器响应最强之处）；步幅 %5，填充 %6</translation>
    </message>
    <message>
        <source>channel k = %1: Σᵢⱼ W[c,k,i,j]·x[n,k,r+i,s+j] = </source>
        <translation>通道 k = %1：Σᵢⱼ W[c,k,i,j]·x[n,k,r+i,s+j] = </translation>
    </message>
    <message>
        <source>… and the same over the other %1 input channels</source>
        <translation>… 其余 %1 个输入通道同理</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>δ = ∂L/∂y[n,c,r,s] = %1   (filter c = %2 at row r = %3, column s = %4 of sample n = %5, arriving from the layer above)</source>
        <translation>δ = ∂L/∂y[n,c,r,s] = %1   （滤波器 c = %2，样本 n = %5 的第 r = %3 行、第 s = %4 列，来自上一层）</translation>
    </message>
    <message>
        <source>   (k = %1, i = %2, j = %3: %4 samples × %5 positions; the zero terms left out)</source>
        <translation>   （k = %1，i = %2，j = %3：%4 个样本 × %5 个位置；省略为零的项）</translation>
    </message>
    <message>
        <source>… (%1 more)</source>
        <translation>…（还有 %1 项）</translation>
    </message>
    <message>
        <source>∂L/∂x[n,%1,%2,%3] = %4   (every filter and position whose window covers the pixel adds W·∂L/∂z, with the other readers&apos; shares)</source>
        <translation>∂L/∂x[n,%1,%2,%3] = %4   （窗口覆盖该像素的每个滤波器和位置都加上 W·∂L/∂z，并计入其他读取该输入的层的份额）</translation>
    </message>
    <message>
        <source>∂L/∂x[n,%1,%2,%3] = %4   (every filter and position whose window covers the pixel adds W·∂L/∂z; passed down to the layer below)</source>
        <translation>∂L/∂x[n,%1,%2,%3] = %4   （窗口覆盖该像素的每个滤波器和位置都加上 W·∂L/∂z；传给下一层）</translation>
    </message>
    <message>
        <source>y[c] = f(Σₖ W[c,k] ⋆ x[k] + b[c]): each filter slides over every input channel (⋆: cross-correlation)</source>
        <translation>y[c] = f(Σₖ W[c,k] ⋆ x[k] + b[c])：每个滤波器在所有输入通道上滑动（⋆：互相关）</translation>
    </message>
    <message>
        <source>y = the largest value of each window of each channel</source>
        <translation>y = 每个通道中每个窗口的最大值</translation>
    </message>
    <message>
        <source>y = the mean of each window of each channel</source>
        <translation>y = 每个通道中每个窗口的平均值</translation>
    </message>
    <message>
        <source>y[c] = the mean of channel c over the whole image</source>
        <translation>y[c] = 通道 c 在整幅图像上的平均值</translation>
    </message>
    <message>
        <source>y = x with a new shape: the same numbers in a different arrangement</source>
        <translation>y = 换了形状的 x：数值不变，只是排列不同</translation>
    </message>
    <message>
        <source>y = x · mask / (1 − p) while training: a random share p of the values is set to 0</source>
        <translation>训练时 y = x · mask / (1 − p)：随机选取比例为 p 的值置为 0</translation>
    </message>
    <message>
        <source>y = γ · (x − mean) / √(var + ε) + β, mean and var over the batch</source>
        <translation>y = γ · (x − mean) / √(var + ε) + β，mean 和 var 在整个批次上计算</translation>
    </message>
    <message>
        <source>y = γ · (x − mean) / √(var + ε) + β, mean and var over each sample&apos;s features</source>
        <translation>y = γ · (x − mean) / √(var + ε) + β，mean 和 var 在每个样本的特征上计算</translation>
    </message>
    <message>
        <source>y = x₁ + x₂ + …</source>
        <translation>y = x₁ + x₂ + …</translation>
    </message>
    <message>
        <source>y = [x₁, x₂, …] joined along the features</source>
        <translation>y = [x₁, x₂, …]，沿特征维拼接</translation>
    </message>
    <message>
        <source>y = %1(x)</source>
        <translation>y = %1(x)</translation>
    </message>
    <message>
        <source>∂L/∂W[c,k] = Σₙ δ[n,c] ⋆ x[n,k];  ∂L/∂b[c] = Σ δ[·,c];  ∂L/∂x = δ convolved with the flipped filters</source>
        <translation>∂L/∂W[c,k] = Σₙ δ[n,c] ⋆ x[n,k];  ∂L/∂b[c] = Σ δ[·,c];  ∂L/∂x = δ 与翻转后的滤波器做卷积</translation>
    </message>
    <message>
        <source>∂L/∂x: each window&apos;s δ goes to the value that won the max; the others get 0</source>
        <translation>∂L/∂x：每个窗口的 δ 全部传给取得最大值的那个值，其余的值得 0</translation>
    </message>
    <message>
        <source>∂L/∂x: each window&apos;s δ is shared equally by its values</source>
        <translation>∂L/∂x：每个窗口的 δ 由窗口内的各个值平均分摊</translation>
    </message>
    <message>
        <source>∂L/∂x = δ put back into the input&apos;s shape</source>
        <translation>∂L/∂x = δ 还原成输入的形状</translation>
    </message>
    <message>
        <source>∂L/∂x = δ · mask / (1 − p): dropped values get no gradient</source>
        <translation>∂L/∂x = δ · mask / (1 − p)：被丢弃的值没有梯度</translation>
    </message>
    <message>
        <source>∂L/∂xᵢ = δ for every input</source>
        <translation>∂L/∂xᵢ = δ，每个输入都一样</translation>
    </message>
    <message>
        <source>∂L/∂x = (∂y/∂x)ᵀ · δ, the layer&apos;s local derivative applied to δ</source>
        <translation>∂L/∂x = (∂y/∂x)ᵀ · δ，即把该层的局部导数作用于 δ</translation>
    </message>
    <message>
        <source>Forward · %1 (the batch)</source>
        <translation>前向传播 · %1（整个批次）</translation>
    </message>
    <message>
        <source>x: %1 samples of the training split, each [%2], as the network reads them (scaled).</source>
        <translation>x：训练集中的 %1 个样本，每个形状为 [%2]，即网络读入时的样子（已缩放）。</translation>
    </message>
    <message>
        <source>y: what the network should answer for each sample (the targets).</source>
        <translation>y：网络对每个样本应给出的答案（目标值）。</translation>
    </message>
    <message>
        <source>The formulas follow sample n = %1 of the batch.</source>
        <translation>公式跟随批次中的样本 n = %1。</translation>
    </message>
    <message>
        <source>y = f(Wx + b): unit u = %1 of sample n = %2</source>
        <translation>y = f(Wx + b)：样本 n = %2 的单元 u = %1</translation>
    </message>
    <message>
        <source>δ = ∂L/∂y[n,u] = %1   (unit u = %2 of sample n = %3, arriving from the layer above)</source>
        <translation>δ = ∂L/∂y[n,u] = %1   （样本 n = %3 的单元 u = %2，来自上一层）</translation>
    </message>
    <message>
        <source>   (i = %1)</source>
        <translation>   (i = %1)</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>∂L/∂x[n,i] with the other readers&apos; shares = %1</source>
        <translation>∂L/∂x[n,i]（计入其他读取该输入的层的份额）= %1</translation>
    </message>
    <message>
        <source>   (passed down to the layer below)</source>
        <translation>   （传给下一层）</translation>
    </message>
    <message>
        <source>δ = ∂L/∂y arrives from the layer above; ‖δ‖ = %1</source>
        <translation>δ = ∂L/∂y 来自上一层；‖δ‖ = %1</translation>
    </message>
    <message>
        <source>Loss · %1</source>
        <translation>损失 · %1</translation>
    </message>
    <message>
        <source>Backpropagation starts here: ∂L/∂ŷ goes back through the network, layer by layer.</source>
        <translation>反向传播从这里开始：∂L/∂ŷ 沿网络逐层往回传。</translation>
    </message>
    <message>
        <source>Update · %1[%2] (%3, step t = %4)</source>
        <translation>更新 · %1[%2]（%3，第 t = %4 步）</translation>
    </message>
    <message>
        <source>Where: </source>
        <translation>其中：</translation>
    </message>
    <message>
        <source>The backprop stepper walks one network with one loss; a GAN trains two networks against each other. Open a classifier or a regressor to step through backpropagation.</source>
        <translation>反向传播步进器只处理一个网络和一个损失；生成对抗网络（GAN）则让两个网络相互对抗地训练。请打开一个分类或回归网络，逐步查看反向传播。</translation>
    </message>
    <message>
        <source>The training split is empty; use a larger data set or smaller validation and test splits.</source>
        <translation>训练集为空：请使用更大的数据集，或减小验证集和测试集的比例。</translation>
    </message>
</context>
<context>
    <name>BackpropStepperView</name>
    <message>
        <source>The batch&apos;s first sample in the training split</source>
        <translation>该批次在训练集中的第一个样本</translation>
    </message>
    <message>
        <source>How many samples the batch holds (1–8)</source>
        <translation>批次包含的样本数（1–8）</translation>
    </message>
    <message>
        <source>The sample of the batch whose numbers the formulas show</source>
        <translation>公式显示其数值的那个批次样本</translation>
    </message>
    <message>
        <source>The output unit (Dense) or channel (Conv2D) the formulas follow</source>
        <translation>公式所跟踪的输出单元（Dense）或通道（Conv2D）</translation>
    </message>
    <message>
        <source>Which element of the weight tensor (flat index) the update spells out</source>
        <translation>更新公式展开的是权重张量的哪个元素（展平后的索引）</translation>
    </message>
    <message>
        <source>Take Batch</source>
        <translation>取批次</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>One real training step, stopped at every node. Forward: what each layer reads, its weights and what it writes, with y = f(Wx + b) worked out for one sample and unit. Then the loss, and backward: the gradient δ arriving at each layer and the chain rule turning it into ∂L/∂W (how the loss changes with each weight) and ∂L/∂x (what is passed further down). Last, the optimizer moves one chosen weight. Outlined cells are the ones the formula uses; every number is the engine&apos;s own.</source>
        <translation>一次真实的训练步，在每个节点处停下。前向传播：每层读入什么、它的权重以及输出什么，并针对一个样本和一个单元算出 y = f(Wx + b)。接着是损失，然后是反向传播：到达每层的梯度 δ，以及链式法则如何把它变成 ∂L/∂W（损失随每个权重如何变化）和 ∂L/∂x（继续向前面的层传递的量）。最后，优化器更新一个选定的权重。带边框的格子是公式用到的值；所有数字都是引擎自己算出的。</translation>
    </message>
    <message>
        <source>The weight tensor whose update the last step spells out</source>
        <translation>最后一步展开其更新过程的权重张量</translation>
    </message>
    <message>
        <source>Take the batch again from the current weights</source>
        <translation>用当前权重重新取批次</translation>
    </message>
    <message>
        <source>Batch: samples from</source>
        <translation>批次：样本起点</translation>
    </message>
    <message>
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>· follow sample</source>
        <translation>· 跟踪样本</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Update of weight</source>
        <translation>更新权重</translation>
    </message>
    <message>
        <source>element</source>
        <translation>元素</translation>
    </message>
    <message>
        <source>The previous step (Page Up)</source>
        <translation>上一步（Page Up）</translation>
    </message>
    <message>
        <source>The next step (Page Down)</source>
        <translation>下一步（Page Down）</translation>
    </message>
    <message>
        <source>Shown while training is not running: before it, paused or stopped.</source>
        <translation>训练未运行时显示：训练开始前、暂停或停止时。</translation>
    </message>
    <message>
        <source>Training is running: pause or stop it to take a batch from the current weights.</source>
        <translation>正在训练：请暂停或停止训练，再用当前权重取批次。</translation>
    </message>
    <message>
        <source>Taking the batch from the current weights…</source>
        <translation>正在用当前权重取批次…</translation>
    </message>
    <message>
        <source>No batch to take: the network does not build or its data does not load (the canvas and the Training panel say why).</source>
        <translation>无法取批次：网络无法构建或数据无法加载（原因见画布和训练面板）。</translation>
    </message>
    <message>
        <source>Step t = %1 of the optimizer; loss on this batch %2.</source>
        <translation>优化器第 t = %1 步；该批次上的损失为 %2。</translation>
    </message>
    <message>
        <source>No batch yet</source>
        <translation>尚无批次</translation>
    </message>
    <message>
        <source>No walk</source>
        <translation>无法逐步演示</translation>
    </message>
    <message>
        <source>Open this tab while training is not running, or press Take Batch.</source>
        <translation>请在训练未运行时打开此标签页，或点击“取批次”。</translation>
    </message>
</context>
<context>
    <name>CanvasActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>适应视图(&amp;F)</translation>
    </message>
    <message>
        <source>Auto &amp;Layout</source>
        <translation>自动布局(&amp;L)</translation>
    </message>
    <message>
        <source>Arrange the layers in rows, inputs at the top</source>
        <translation>将各层按行排列，输入层位于顶部</translation>
    </message>
    <message>
        <source>Copied 1 layer</source>
        <translation>已复制 1 个层</translation>
    </message>
    <message>
        <source>Copied %1 layers</source>
        <translation>已复制 %1 个层</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <source>Nothing to paste: the clipboard holds no LayerLab layers.</source>
        <translation>没有可粘贴的内容：剪贴板中没有 LayerLab 层。</translation>
    </message>
    <message>
        <source>Nothing to paste: %1</source>
        <translation>没有可粘贴的内容：%1</translation>
    </message>
</context>
<context>
    <name>ChangeProjectSettingsCommand</name>
    <message>
        <source>Change %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation>将 %1 设为 %2</translation>
    </message>
</context>
<context>
    <name>ChangeSettingCommand</name>
    <message>
        <source>Set %1 of %2 to %3</source>
        <translation>将 %2 的 %1 设为 %3</translation>
    </message>
</context>
<context>
    <name>ClassicFunctionsView</name>
    <message>
        <source>Race</source>
        <translation>竞赛</translation>
    </message>
    <message>
        <source>Optimizer steps per run</source>
        <translation>每次运行的优化器步数</translation>
    </message>
    <message>
        <source>Start every checked optimizer at the same point and show each step</source>
        <translation>让所有勾选的优化器从同一点出发，并显示每一步</translation>
    </message>
    <message>
        <source>Function:</source>
        <translation>函数：</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1 / %2 步</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Copy the script to the clipboard</source>
        <translation>将脚本复制到剪贴板</translation>
    </message>
    <message>
        <source>Save the script as a .py file (export the trained weights with File ▸ Export)</source>
        <translation>将脚本保存为 .py 文件（训练好的权重用“文件 ▸ 导出”导出）</translation>
    </message>
    <message>
        <source>Copied the PyTorch script to the clipboard.</source>
        <translation>已将 PyTorch 脚本复制到剪贴板。</translation>
    </message>
    <message>
        <source>Save the PyTorch script</source>
        <translation>保存 PyTorch 脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1; it loads %2 from the same folder.</source>
        <translation>已保存 %1；它会从同一文件夹加载 %2。</translation>
    </message>
</context>
<context>
    <name>ComponentEditor</name>
    <message>
        <source>%1 is not a known kind; choose one of the list.</source>
        <translation>%1 不是已知的类型；请从列表中选择。</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixWidget</name>
    <message>
        <source>Rows: the true class; columns: what the model predicted. Click a cell to show its samples.</source>
        <translation>行：真实类别；列：模型预测的类别。点击单元格可显示其中的样本。</translation>
    </message>
    <message>
        <source>True %1, predicted %2: %3 (%4 % of the %1 samples)</source>
        <translation>真实为 %1，预测为 %2：%3 个（占 %1 样本的 %4 %）</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>Train a network to see how it does on the validation data.</source>
        <translation>训练网络后，即可查看它在验证集上的表现。</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1 分数</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Precision: of the samples predicted as this class, the share that is. Recall: of the samples of this class, the share found. F1: their harmonic mean.</source>
        <translation>精确率：预测为该类的样本中，确实属于该类的比例。召回率：该类的样本中，被找出来的比例。F1 分数：两者的调和平均数。</translation>
    </message>
    <message>
        <source>The evaluation could not be computed: %1</source>
        <translation>无法计算评估结果：%1</translation>
    </message>
    <message>
        <source>the test split (there is no validation split)</source>
        <translation>测试集（没有验证集）</translation>
    </message>
    <message>
        <source>the validation split</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy %1 %&lt;/b&gt; over every step on %2 (%3 samples × %4 steps, %5 wrong)</source>
        <translation>&lt;b&gt;准确率 %1 %&lt;/b&gt;，统计%2上的每一步（%3 个样本 × %4 步，错 %5 个）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy %1 %&lt;/b&gt; on %2 (%3 samples, %4 misclassified)</source>
        <translation>&lt;b&gt;准确率 %1 %&lt;/b&gt;，基于%2（%3 个样本，%4 个分类错误）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Untrained&lt;/b&gt;: random weights score %1 % on %2, about what guessing scores. Train to see it learn.</source>
        <translation>&lt;b&gt;未训练&lt;/b&gt;：随机权重在%2上的准确率为 %1 %，和瞎猜差不多。开始训练，看看它如何学习。</translation>
    </message>
    <message>
        <source>Regression on %1 (%2 samples)</source>
        <translation>在%1上的回归（%2 个样本）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Untrained&lt;/b&gt;: random weights on %1 (%2 samples). Train to see it learn.</source>
        <translation>&lt;b&gt;未训练&lt;/b&gt;：在%1上使用随机权重（%2 个样本）。开始训练，看看它如何学习。</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:15pt&apos;&gt;Mean absolute error &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p style=&apos;font-size:15pt&apos;&gt;R² &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;&lt;p&gt;R² is 1 for a perfect fit and 0 for always predicting the mean.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:15pt&apos;&gt;平均绝对误差 &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p style=&apos;font-size:15pt&apos;&gt;R² &lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;&lt;p&gt;完美拟合时 R² 为 1，始终预测平均值时 R² 为 0。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>macro average</source>
        <translation>宏平均</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>%1 sample %2; click to see it inside the network</source>
        <translation>样本 %2（%1）；点击可在网络内部查看</translation>
    </message>
    <message>
        <source>Misclassified %1 → %2: showing %3 (click the cell again for all)</source>
        <translation>误分类 %1 → %2：显示 %3 个（再次点击该格可显示全部）</translation>
    </message>
    <message>
        <source>Misclassified: showing %1 of %2 (click a matrix cell to filter)</source>
        <translation>误分类：显示 %2 个中的 %1 个（点击矩阵中的格子可筛选）</translation>
    </message>
    <message>
        <source>There is nothing to evaluate: the validation and test splits are empty. Set a validation split above 0 in the training settings.</source>
        <translation>没有可评估的数据：验证集和测试集都为空。请在训练设置中把验证集比例设为大于 0。</translation>
    </message>
</context>
<context>
    <name>ConnectCommand</name>
    <message>
        <source>Connect %1 to %2</source>
        <translation>将 %1 连接到 %2</translation>
    </message>
</context>
<context>
    <name>DataSection</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>The column holding what the network learns to predict.</source>
        <translation>网络要学会预测的目标所在的列。</translation>
    </message>
    <message>
        <source>auto (from the data)</source>
        <translation>自动（根据数据判断）</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>standardize (mean 0, sd 1)</source>
        <translation>标准化（均值 0，标准差 1）</translation>
    </message>
    <message>
        <source>min–max (0 to 1)</source>
        <translation>最小–最大归一化（0 到 1）</translation>
    </message>
    <message>
        <source>stretch to the Input&apos;s size</source>
        <translation>拉伸到 Input 的尺寸</translation>
    </message>
    <message>
        <source>crop to the centre</source>
        <translation>居中裁剪</translation>
    </message>
    <message>
        <source>pad with black bars</source>
        <translation>用黑边填充</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>Labels file</source>
        <translation>标签文件</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>标签列</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>尺寸调整</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>数据缩放</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>How much random jitter the generated points get (0: none, 0.5: a lot).</source>
        <translation>生成的点带有多少随机抖动（0：没有，0.5：很多）。</translation>
    </message>
    <message>
        <source>How many points to generate (split into training, validation and test).</source>
        <translation>要生成多少个点（划分为训练集、验证集和测试集）。</translation>
    </message>
    <message>
        <source>an IDX labels file</source>
        <translation>IDX 标签文件</translation>
    </message>
    <message>
        <source>A character language model on %1: it learns the next character of the text.</source>
        <translation>基于 %1 的字符级语言模型：学习预测文本的下一个字符。</translation>
    </message>
    <message>
        <source>Your own text: a CSV file with a column of texts and a column of their labels.</source>
        <translation>自己的文本：一个 CSV 文件，一列是文本，一列是对应的标签。</translation>
    </message>
    <message>
        <source>A time series: windows of T values of one column, and the values after each to forecast.</source>
        <translation>时间序列：取某一列中连续 T 个值作为窗口，预测每个窗口之后的值。</translation>
    </message>
    <message>
        <source>A folder of images: one subfolder of PNG or JPEG files per class, fitted to the Input&apos;s size and channels.</source>
        <translation>图像文件夹：每个类别一个子文件夹，内含 PNG 或 JPEG 文件，图像会适配 Input 的尺寸和通道数。</translation>
    </message>
    <message>
        <source>A CSV file: one sample per row, a header row naming the columns.</source>
        <translation>CSV 文件：每行一个样本，首行为列名。</translation>
    </message>
    <message>
        <source>IDX images (the MNIST file format) with their labels file.</source>
        <translation>IDX 图像（MNIST 的文件格式）及其标签文件。</translation>
    </message>
    <message>
        <source>Open a data file</source>
        <translation>打开数据文件</translation>
    </message>
    <message>
        <source>Data files (*.csv *.csv.gz *idx* *ubyte*);;CSV files (*.csv *.csv.gz);;All files (*)</source>
        <translation>数据文件 (*.csv *.csv.gz *idx* *ubyte*);;CSV 文件 (*.csv *.csv.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open the labels file for %1</source>
        <translation>打开 %1 的标签文件</translation>
    </message>
    <message>
        <source>IDX labels (*idx1* *labels*);;All files (*)</source>
        <translation>IDX 标签 (*idx1* *labels*);;所有文件 (*)</translation>
    </message>
    <message>
        <source>IDX images need their labels file; choose it to use %1.</source>
        <translation>IDX 图像需要对应的标签文件；请选择它以使用 %1。</translation>
    </message>
    <message>
        <source>Open a CSV of texts and labels</source>
        <translation>打开包含文本和标签的 CSV 文件</translation>
    </message>
    <message>
        <source>Open a CSV time series</source>
        <translation>打开 CSV 时间序列</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.csv.gz);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.csv.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 has %2 column(s); your own text needs a column of texts and a column of labels.</source>
        <translation>%1 有 %2 列；使用自己的文本需要一列文本和一列标签。</translation>
    </message>
    <message>
        <source>Open a folder of images (one subfolder per class)</source>
        <translation>打开图像文件夹（每个类别一个子文件夹）</translation>
    </message>
    <message>
        <source>Open the IDX labels file</source>
        <translation>打开 IDX 标签文件</translation>
    </message>
    <message>
        <source>last column</source>
        <translation>最后一列</translation>
    </message>
    <message>
        <source>Which language is this word?</source>
        <translation>这个词是哪种语言？</translation>
    </message>
    <message>
        <source>Character language model</source>
        <translation>字符级语言模型</translation>
    </message>
    <message>
        <source>Noisy sines</source>
        <translation>带噪声的正弦波</translation>
    </message>
    <message>
        <source>Adding problem</source>
        <translation>加法问题</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>序列复制</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>序列反转</translation>
    </message>
    <message>
        <source>%1 (not installed: apt install dataset-fashion-mnist)</source>
        <translation>%1（未安装：apt install dataset-fashion-mnist）</translation>
    </message>
    <message>
        <source>Draw your own (GAN)</source>
        <translation>自己绘制（GAN）</translation>
    </message>
    <message>
        <source>%1 (synthetic)</source>
        <translation>%1（合成）</translation>
    </message>
    <message>
        <source>CSV or IDX file…</source>
        <translation>CSV 或 IDX 文件…</translation>
    </message>
    <message>
        <source>Your own text (CSV)…</source>
        <translation>自己的文本（CSV）…</translation>
    </message>
    <message>
        <source>A CSV file with a column of texts and a column of their labels</source>
        <translation>一个 CSV 文件，包含一列文本和一列对应的标签</translation>
    </message>
    <message>
        <source>Time series (CSV)…</source>
        <translation>时间序列（CSV）…</translation>
    </message>
    <message>
        <source>A CSV file with a column of values in time order, to forecast</source>
        <translation>一个 CSV 文件，包含一列按时间顺序排列、待预测的数值</translation>
    </message>
    <message>
        <source>Folder of images…</source>
        <translation>图像文件夹…</translation>
    </message>
    <message>
        <source>A folder with one subfolder of PNG or JPEG images per class</source>
        <translation>每个类别一个子文件夹（内含 PNG 或 JPEG 图像）的文件夹</translation>
    </message>
    <message>
        <source>Paint the real points of a GAN&apos;s data: make this project a GAN first (right-click the canvas: Make This a GAN).</source>
        <translation>为 GAN 的数据绘制真实点：请先把本项目转换为 GAN（右键点击画布：转换为 GAN）。</translation>
    </message>
    <message>
        <source>Which language is this word? %1 words of each of %2 languages from Debian&apos;s word lists (wamerican, wngerman, …), read letter by letter.</source>
        <translation>这个词是哪种语言？从 Debian 的词表（wamerican、wngerman …）中为 %2 种语言各取 %1 个词，逐个字母读入。</translation>
    </message>
</context>
<context>
    <name>DatasetPreview</name>
    <message>
        <source>The data appears here once it is loaded.</source>
        <translation>数据加载后会显示在这里。</translation>
    </message>
    <message>
        <source>The data could not be previewed: %1</source>
        <translation>无法预览数据：%1</translation>
    </message>
    <message>
        <source>Click to see it inside the network (Inside ▸ Feature maps)</source>
        <translation>点击查看它在网络内部的情况（网络内部 ▸ 特征图）</translation>
    </message>
    <message numerus="yes">
        <source>%n classes</source>
        <translation>
            <numerusform>%n 个类别</numerusform>
        </translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>sequence (ids)</source>
        <translation>序列（id）</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>marked values</source>
        <translation>标记的值</translation>
    </message>
    <message>
        <source>sequence, marked in [ ]</source>
        <translation>序列，标记的值在 [ ] 中</translation>
    </message>
    <message>
        <source>window %1</source>
        <translation>窗口 %1</translation>
    </message>
    <message>
        <source>step t (hollow: the values to forecast)</source>
        <translation>步 t（空心：待预测的值）</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>vocabulary of %1 %2, T = %3</source>
        <translation>词表：%1 个 %2，T = %3</translation>
    </message>
    <message>
        <source>T = %1 symbol ids</source>
        <translation>T = %1 个符号 id</translation>
    </message>
    <message>
        <source>T = %1 steps of %2 value(s)</source>
        <translation>T = %1 步，每步 %2 个值</translation>
    </message>
    <message>
        <source>%1 train · %2 validation · %3 test samples, %4 features, %5</source>
        <translation>训练 %1 · 验证 %2 · 测试 %3 个样本，%4 个特征，%5</translation>
    </message>
    <message>
        <source>%1 train · %2 validation · %3 test samples, %4</source>
        <translation>训练 %1 · 验证 %2 · 测试 %3 个样本，%4</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
</context>
<context>
    <name>DecisionBoundaryView</name>
    <message>
        <source>Validation points</source>
        <translation>验证点</translation>
    </message>
    <message>
        <source>Draws the validation points (hollow rings) over the boundary too. The network never trains on them: where the boundary bends around single training points and misses the validation points nearby, it has learned the noise — that is overfitting.</source>
        <translation>同时在边界上画出验证点（空心圆环）。网络从不用它们训练：如果边界绕着个别训练点弯曲，却错过了附近的验证点，说明网络学到了噪声——这就是过拟合。</translation>
    </message>
    <message>
        <source>Train a network to see how it divides the input plane.</source>
        <translation>训练一个网络，看看它如何划分输入平面。</translation>
    </message>
    <message>
        <source>The decision boundary could not be computed: %1</source>
        <translation>无法计算决策边界：%1</translation>
    </message>
    <message>
        <source>A GAN has no decision boundary: its generator makes points and its discriminator scores them. The charts show d_loss and g_loss; `layerlab-cli generate` writes the generator&apos;s samples.</source>
        <translation>GAN 没有决策边界：它的生成器生成点，判别器给这些点打分。图表显示 d_loss 和 g_loss；`layerlab-cli generate` 会写出生成器的样本。</translation>
    </message>
    <message>
        <source>The decision boundary needs 2 input features (this data has %1) — try the spiral, moons or circle data.</source>
        <translation>决策边界需要 2 个输入特征（此数据有 %1 个）——试试 spiral、moons 或 circle 数据。</translation>
    </message>
    <message>
        <source>The fitted curve needs 1 input feature and 1 target (this data has %1 features) — try the sine data. For 2-input classification the decision boundary shows here.</source>
        <translation>拟合曲线需要 1 个输入特征和 1 个目标（此数据有 %1 个特征）——试试 sine 数据。对于 2 个输入的分类问题，这里显示决策边界。</translation>
    </message>
</context>
<context>
    <name>DisconnectCommand</name>
    <message>
        <source>Disconnect %1 from %2</source>
        <translation>断开 %1 与 %2 的连接</translation>
    </message>
</context>
<context>
    <name>DistanceChartView</name>
    <message>
        <source>real ↔ generated</source>
        <translation>真实 ↔ 生成</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>epoch %1 · step %2
energy distance %3</source>
        <translation>第 %1 轮 · 第 %2 步
能量距离 %3</translation>
    </message>
</context>
<context>
    <name>ExampleCatalog</name>
    <message>
        <source>Cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No examples installed</source>
        <translation>未安装示例</translation>
    </message>
</context>
<context>
    <name>Explanation</name>
    <message>
        <source>What am I looking at?</source>
        <translation>这是什么？</translation>
    </message>
    <message>
        <source>Click to read what this view shows</source>
        <translation>点击阅读这个视图显示的内容</translation>
    </message>
</context>
<context>
    <name>FeatureMapsView</name>
    <message>
        <source>blue −%1 · white 0 · red +%1</source>
        <translation>蓝 −%1 · 白 0 · 红 +%1</translation>
    </message>
    <message>
        <source>black 0 · white %1</source>
        <translation>黑 0 · 白 %1</translation>
    </message>
    <message>
        <source>One image on its way through the network. Each convolution filter slides over its input and makes one &lt;i&gt;feature map&lt;/i&gt;: bright where the filter finds its pattern. Pooling shrinks each map, keeping the strongest (max) or average response. Deeper maps are smaller and more abstract. Click an image in the data preview or the Evaluation gallery, or drop one on Try it, to look at it here.</source>
        <translation>一张图像在网络中的传递过程。每个卷积滤波器在输入上滑动，生成一张&lt;i&gt;特征图&lt;/i&gt;：滤波器找到其模式的地方就亮。池化会缩小每张特征图，保留最强（max）或平均的响应。越深的特征图越小、越抽象。在数据预览或评估面板的图库中点击一张图像，或把图像拖到“试一试”上，即可在这里查看。</translation>
    </message>
    <message>
        <source>No image yet: open a network with a convolution layer (for example shapes-cnn).</source>
        <translation>尚无图像：请打开一个含卷积层的网络（例如 shapes-cnn）。</translation>
    </message>
    <message>
        <source>The network is not ready: fix what the status bar names, then try again.</source>
        <translation>网络尚未就绪：请修正状态栏指出的问题，然后重试。</translation>
    </message>
    <message>
        <source>The network cannot run yet: %1</source>
        <translation>网络暂时无法运行：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 maps of %4×%5 · %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 张 %4×%5 的特征图 · %6</translation>
    </message>
    <message>
        <source>your picture</source>
        <translation>你的图片</translation>
    </message>
    <message>
        <source>%1 sample %2</source>
        <translation>%1 样本 %2</translation>
    </message>
    <message>
        <source> · label %1</source>
        <translation> · 标签 %1</translation>
    </message>
</context>
<context>
    <name>FilterGridView</name>
    <message>
        <source>Each small square is one filter of a convolution layer: the weights it multiplies a patch of its input with. A filter responds most to patches that look like it. Mid-grey is 0, lighter is positive, darker negative. For colour images a filter is one colour tile; otherwise each row is one filter and each column one of its input channels. Watch them turn from noise into edges and blobs as the network learns.</source>
        <translation>每个小方块是卷积层的一个滤波器：即它与输入的一小块相乘的权重。输入块越像某个滤波器，该滤波器的响应就越强。中灰为 0，越亮越正，越暗越负。对于彩色图像，一个滤波器是一个彩色小块；否则每行是一个滤波器，每列是它的一个输入通道。观察它们在网络学习过程中如何从噪声变成边缘和斑块。</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>No filters yet: train a network with a Conv2D layer (for example shapes-cnn) and they appear here.</source>
        <translation>还没有滤波器：训练一个含 Conv2D 层的网络（例如 shapes-cnn），滤波器就会显示在这里。</translation>
    </message>
    <message>
        <source>black −%1 · mid-grey 0 · white +%1</source>
        <translation>黑 −%1 · 中灰 0 · 白 +%1</translation>
    </message>
</context>
<context>
    <name>GanDrawing</name>
    <message>
        <source>Clear the drawing</source>
        <translation>清除绘图</translation>
    </message>
    <message>
        <source>Start from Ring</source>
        <translation>从 Ring 开始</translation>
    </message>
    <message>
        <source>Stop training to draw</source>
        <translation>停止训练后才能绘制</translation>
    </message>
    <message>
        <source>Drag on the plot to paint real points (%1 of at least %2)</source>
        <translation>在图上拖动以绘制真实点（已有 %1 个，至少需要 %2 个）</translation>
    </message>
    <message>
        <source>Drag on the plot to paint real points</source>
        <translation>在图上拖动以绘制真实点</translation>
    </message>
    <message>
        <source>Paint 1 point</source>
        <translation>绘制 1 个点</translation>
    </message>
    <message>
        <source>Paint %1 points</source>
        <translation>绘制 %1 个点</translation>
    </message>
</context>
<context>
    <name>GanImagesSnapshot</name>
    <message>
        <source>Generated images appear here for a GAN project, such as the examples gan-digits and gan-fashion.</source>
        <translation>GAN 项目（例如示例 gan-digits 和 gan-fashion）生成的图像会显示在这里。</translation>
    </message>
    <message>
        <source>This GAN makes points, not images: its samples are drawn over the data in the 2-D view.</source>
        <translation>这个 GAN 生成的是点而不是图像：它的样本画在二维视图中的数据上。</translation>
    </message>
    <message>
        <source>The generator&apos;s samples do not have the size of the data&apos;s images.</source>
        <translation>生成器样本的尺寸与数据图像的尺寸不一致。</translation>
    </message>
</context>
<context>
    <name>GanImagesView</name>
    <message>
        <source>New Start</source>
        <translation>新起点</translation>
    </message>
    <message>
        <source>New End</source>
        <translation>新终点</translation>
    </message>
    <message>
        <source>Generated images appear here for a GAN project, such as the examples gan-digits and gan-fashion.</source>
        <translation>GAN 项目（例如示例 gan-digits 和 gan-fashion）生成的图像会显示在这里。</translation>
    </message>
    <message>
        <source>64 samples from fixed noise</source>
        <translation>来自固定噪声的 64 个样本</translation>
    </message>
    <message>
        <source>G draws one picture for each of 64 noise vectors that never change, so each tile follows one sample as G learns: noise at first, then pictures like the data&apos;s. Many tiles alike means mode collapse. Black is 0, white is 1.</source>
        <translation>G 为 64 个固定不变的噪声向量各画一张图，因此每个图块跟踪 G 学习过程中的一个样本：起初是噪声，随后变成与数据相似的图片。许多图块相似意味着模式崩溃。黑色为 0，白色为 1。</translation>
    </message>
    <message>
        <source>A walk between two noise vectors</source>
        <translation>两个噪声向量之间的漫步</translation>
    </message>
    <message>
        <source>Where on the line from the start&apos;s noise to the end&apos;s G is asked for a picture</source>
        <translation>在从起点噪声到终点噪声的连线上，让 G 在哪个位置生成图片</translation>
    </message>
    <message>
        <source>Draw another noise vector for the start of the walk</source>
        <translation>为漫步的起点重新抽取一个噪声向量</translation>
    </message>
    <message>
        <source>Draw another noise vector for the end of the walk</source>
        <translation>为漫步的终点重新抽取一个噪声向量</translation>
    </message>
    <message>
        <source>G&apos;s picture for noise on the straight line from one noise vector (t = 0) to another (t = 1); the strip shows nine stops. A gradual change means G has learned a smooth map from noise to pictures.</source>
        <translation>G 对从一个噪声向量（t = 0）到另一个（t = 1）的直线上的噪声所生成的图片；条带显示沿途九个位置。变化平缓说明 G 已学到从噪声到图片的平滑映射。</translation>
    </message>
</context>
<context>
    <name>GanLayersView</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Start from Ring</source>
        <translation>从环形开始</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#008837&apos;&gt;●&lt;/span&gt; real points, &lt;span style=&apos;color:#7b3294&apos;&gt;●&lt;/span&gt; G&apos;s points from fixed noise. Background: D&apos;s verdict, green = &lt;i&gt;real&lt;/i&gt;, purple = &lt;i&gt;fake&lt;/i&gt;. Mesh: a grid of noise after G, darker where G crowds its points. Pink arrows: where G&apos;s loss pushes each point (−∂L&lt;sub&gt;G&lt;/sub&gt;/∂x; longer = stronger). G wins when its points cover the green and the background fades to white.</source>
        <translation>&lt;span style=&apos;color:#008837&apos;&gt;●&lt;/span&gt; 真实点，&lt;span style=&apos;color:#7b3294&apos;&gt;●&lt;/span&gt; G 由固定噪声生成的点。背景：D 的判断，绿色 = &lt;i&gt;真&lt;/i&gt;，紫色 = &lt;i&gt;假&lt;/i&gt;。网格：经过 G 映射的噪声网格，G 的点越密集处颜色越深。粉色箭头：G 的损失把每个点推向何处（−∂L&lt;sub&gt;G&lt;/sub&gt;/∂x；越长越强）。当 G 的点覆盖绿色区域、背景褪为白色时，G 获胜。</translation>
    </message>
    <message>
        <source>D&apos;s verdict</source>
        <translation>D 的判断</translation>
    </message>
    <message>
        <source>G&apos;s manifold</source>
        <translation>G 的流形</translation>
    </message>
    <message>
        <source>Real points</source>
        <translation>真实点</translation>
    </message>
    <message>
        <source>Generated points</source>
        <translation>生成点</translation>
    </message>
    <message>
        <source>G&apos;s gradient</source>
        <translation>G 的梯度</translation>
    </message>
    <message>
        <source>Removes every drawn point (Undo brings them back).</source>
        <translation>清除所有绘制的点（撤销可恢复）。</translation>
    </message>
    <message>
        <source>Replaces the drawing with points around a ring of 8 Gaussians, to change by painting.</source>
        <translation>把绘制内容替换为环形排列的 8 个高斯分布上的点，之后可再绘制修改。</translation>
    </message>
    <message>
        <source>Draw your own:</source>
        <translation>自己绘制：</translation>
    </message>
    <message>
        <source>The GAN&apos;s layers could not be drawn: %1</source>
        <translation>无法绘制 GAN 的各层：%1</translation>
    </message>
    <message>
        <source>z has one number, so G&apos;s manifold is a curve: z₁ from %1.</source>
        <translation>z 只有一个数，因此 G 的流形是一条曲线：z₁ 取值于 %1。</translation>
    </message>
    <message>
        <source>The mesh is the noise square z₁, z₂ in %1 after G.</source>
        <translation>网格是噪声方块（z₁, z₂ 取值于 %1）经过 G 后的结果。</translation>
    </message>
    <message>
        <source>z has %1 numbers: the mesh is the slice z₁, z₂ in %2 with z₃ … z%1 at 0.</source>
        <translation>z 有 %1 个数：网格是 z₁, z₂ 取值于 %2、z₃ … z%1 为 0 时的切片。</translation>
    </message>
</context>
<context>
    <name>GanSection</name>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>GAN loss</source>
        <translation>GAN 损失</translation>
    </message>
    <message>
        <source>D steps per G step</source>
        <translation>每个 G 步的 D 步数</translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <source>Gradient penalty</source>
        <translation>梯度惩罚</translation>
    </message>
    <message>
        <source>G has its own optimizer</source>
        <translation>G 使用独立的优化器</translation>
    </message>
    <message>
        <source>GAN: generator against discriminator</source>
        <translation>GAN：生成器对抗判别器</translation>
    </message>
    <message>
        <source>Unchecked, G trains with a copy of the optimizer under &quot;Loss and optimizer&quot;, which trains D. Checked, G has its own kind and learning rate, set here.</source>
        <translation>不勾选时，G 使用“损失与优化器”中优化器的副本训练（该优化器训练 D）。勾选时，G 使用自己的优化器类型和学习率，在此处设置。</translation>
    </message>
    <message>
        <source>G&apos;s optimizer</source>
        <translation>G 的优化器</translation>
    </message>
    <message>
        <source>D trains with the optimizer under &quot;Loss and optimizer&quot;; the GAN loss above replaces the loss there.</source>
        <translation>D 使用“损失与优化器”中的优化器训练；上面的 GAN 损失会取代那里的损失函数。</translation>
    </message>
</context>
<context>
    <name>GradientFlowView</name>
    <message>
        <source>Gradient reaching each layer</source>
        <translation>到达各层的梯度</translation>
    </message>
    <message>
        <source>‖∂L/∂output‖ (log)</source>
        <translation>‖∂L/∂output‖（对数）</translation>
    </message>
    <message>
        <source>Update / weight per step</source>
        <translation>每步更新量 / 权重</translation>
    </message>
    <message>
        <source>‖Δw‖ / ‖w‖ (log)</source>
        <translation>‖Δw‖ / ‖w‖（对数）</translation>
    </message>
    <message>
        <source>One line per layer, from the input (dark) to the output (yellow). Left: the size of the gradient that backpropagation brings back to each layer. Right: how much one step changes each layer&apos;s weights, relative to their size (about 1e-3 is healthy). Both scales are logarithmic. Lines far below the output&apos;s towards the input: &lt;i&gt;vanishing&lt;/i&gt; gradients, those layers barely learn. Lines that climb without bound: &lt;i&gt;exploding&lt;/i&gt; gradients; clip them or start from smaller weights.</source>
        <translation>每层一条曲线，从输入（深色）到输出（黄色）。左图：反向传播带回每层的梯度大小。右图：一步更新使每层权重改变了多少，相对于权重本身的大小（约 1e-3 为健康）。两图均为对数刻度。越靠近输入、曲线越远低于输出层：&lt;i&gt;梯度消失&lt;/i&gt;，这些层几乎学不到东西。曲线无限攀升：&lt;i&gt;梯度爆炸&lt;/i&gt;；请对梯度进行裁剪，或从更小的权重开始。</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>update/weight ratio</source>
        <translation>更新量/权重比</translation>
    </message>
    <message>
        <source>is 0, which a log scale cannot show</source>
        <translation>为 0，对数刻度无法显示</translation>
    </message>
    <message>
        <source>is not a finite number (%1): the run diverged</source>
        <translation>不是有限数（%1）：训练已发散</translation>
    </message>
    <message>
        <source>From step %1 the %2 of %3 %4; its line has a gap there.</source>
        <translation>从第 %1 步起，%3 的%2%4；其曲线在此处中断。</translation>
    </message>
    <message>
        <source>&lt;b&gt;input&lt;/b&gt;</source>
        <translation>&lt;b&gt;输入&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;output&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b&gt;输出&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>GraphDocument</name>
    <message>
        <source>Connection refused: that layer no longer exists.</source>
        <translation>无法连接：该层已不存在。</translation>
    </message>
    <message>
        <source>Connection refused: %1 is an Input; data enters there, nothing feeds it.</source>
        <translation>无法连接：%1 是 Input 层；数据从那里进入，没有任何层向它输入。</translation>
    </message>
    <message>
        <source>Connection refused: %1 has no input %2.</source>
        <translation>无法连接：%1 没有输入 %2。</translation>
    </message>
    <message>
        <source>Connection refused: %1 has no output %2.</source>
        <translation>无法连接：%1 没有输出 %2。</translation>
    </message>
    <message>
        <source>Connection refused: it would create a cycle; a network flows one way, from inputs to outputs.</source>
        <translation>无法连接：这会形成环路；网络只能单向流动，从输入流向输出。</translation>
    </message>
    <message>
        <source>These layers are already connected.</source>
        <translation>这些层已经相连。</translation>
    </message>
    <message>
        <source>A layer needs a name.</source>
        <translation>层必须有名称。</translation>
    </message>
    <message>
        <source>A layer name cannot contain a dot: its weights are saved as &quot;name.weight&quot;.</source>
        <translation>层名称不能包含点号：其权重会保存为 &quot;name.weight&quot;。</translation>
    </message>
    <message>
        <source>The name %1 is already used by another layer; pick another.</source>
        <translation>名称 %1 已被另一个层使用；请换一个。</translation>
    </message>
</context>
<context>
    <name>GraphScene</name>
    <message>
        <source>Noise · %1</source>
        <translation>噪声 · %1</translation>
    </message>
    <message>
        <source>The noise source of the generator: z drawn from the %1 distribution; its shape is z&apos;s dimension. Set both in the inspector.</source>
        <translation>生成器的噪声源：z 从 %1 分布中采样；其形状即 z 的维度。两者都在设置面板中设置。</translation>
    </message>
    <message>
        <source>Real data · %1</source>
        <translation>真实数据 · %1</translation>
    </message>
    <message>
        <source>The discriminator&apos;s input: batches of real samples of the data, then the generator&apos;s fake samples. Its shape is the data&apos;s.</source>
        <translation>判别器的输入：先是数据中真实样本的批次，然后是生成器的伪造样本。其形状与数据相同。</translation>
    </message>
    <message>
        <source>Training — stop to edit the network.</source>
        <translation>正在训练——停止后才能编辑网络。</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Reconnect %1</source>
        <translation>重新连接 %1</translation>
    </message>
    <message>
        <source>Make This a GAN</source>
        <translation>转换为 GAN</translation>
    </message>
    <message>
        <source>Replaces the network with a small generator and discriminator for the current data (Undo brings it back).</source>
        <translation>用适合当前数据的小型生成器和判别器替换当前网络（撤销可恢复）。</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Drag layers here from the palette,
starting with an Input.</source>
        <translation>从层面板把层拖到这里，
先从 Input 开始。</translation>
    </message>
    <message>
        <source>Training — stop to edit the network</source>
        <translation>正在训练——停止后才能编辑网络</translation>
    </message>
    <message>
        <source>Training — stop to edit</source>
        <translation>正在训练——停止后才能编辑</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Welcome Page</source>
        <translation>欢迎页(&amp;W)</translation>
    </message>
    <message>
        <source>The examples with their pictures, or an empty start</source>
        <translation>带图片的示例，或从空白开始</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>List every action that has a key</source>
        <translation>列出所有设有快捷键的操作</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>Read how to build, train and export a network</source>
        <translation>了解如何搭建、训练和导出网络</translation>
    </message>
    <message>
        <source>Click this, then any panel or button, to learn what it does</source>
        <translation>点击这里，再点击任意面板或按钮，即可了解它的作用</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source># User guide

The guide was not built into this copy of LayerLab; see README.md in its sources.</source>
        <translation># 用户指南

此 LayerLab 副本未内置用户指南；请参阅其源代码中的 README.md。</translation>
    </message>
    <message>
        <source>LayerLab User Guide</source>
        <translation>LayerLab 用户指南</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layers&lt;/b&gt;&lt;p&gt;The building blocks. Drag one onto the canvas (or double-click it) to add it to the network, then drag from a node&apos;s output port to another&apos;s input port.&lt;/p&gt;</source>
        <translation>&lt;b&gt;层&lt;/b&gt;&lt;p&gt;搭建网络的积木。把一个层拖到画布上（或双击它）即可加入网络，然后从一个节点的输出端口拖到另一个节点的输入端口进行连接。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Settings&lt;/b&gt;&lt;p&gt;The selected layer&apos;s settings: units, activation, kernel size… Each change is checked at once and can be undone.&lt;/p&gt;</source>
        <translation>&lt;b&gt;设置&lt;/b&gt;&lt;p&gt;所选层的设置：单元数、激活函数、卷积核大小…每次修改都会立即检查，并且可以撤销。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training&lt;/b&gt;&lt;p&gt;What the network learns from and how: the data and its split, the loss, the optimizer and its learning rate, batches, epochs and regularization.&lt;/p&gt;</source>
        <translation>&lt;b&gt;训练&lt;/b&gt;&lt;p&gt;网络从什么数据学习、如何学习：数据及其划分、损失函数、优化器及其学习率、批次、轮数和正则化。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Code&lt;/b&gt;&lt;p&gt;The network as a PyTorch script, updated as you edit: what you build here is what you would write there.&lt;/p&gt;</source>
        <translation>&lt;b&gt;代码&lt;/b&gt;&lt;p&gt;以 PyTorch 脚本呈现的网络，随你的编辑实时更新：你在这里搭建的，正是你在脚本里要写的。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt;&lt;p&gt;Every edit so far; click one to go back to it.&lt;/p&gt;</source>
        <translation>&lt;b&gt;历史&lt;/b&gt;&lt;p&gt;到目前为止的每一次编辑；点击其中一项即可回到那一步。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Charts&lt;/b&gt;&lt;p&gt;The loss and the accuracy as the network trains: a falling loss means it is learning, a validation curve that rises again means it overfits. Compare Runs keeps earlier runs as faint lines.&lt;/p&gt;</source>
        <translation>&lt;b&gt;图表&lt;/b&gt;&lt;p&gt;网络训练过程中的损失和准确率：损失下降说明它在学习，验证集曲线重新上升说明出现了过拟合。“比较运行”会把之前的训练保留为淡色曲线。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Decision boundary&lt;/b&gt;&lt;p&gt;For data with two inputs: the colour the network gives each point of the plane, with the data on top. Watch it bend as the network learns.&lt;/p&gt;</source>
        <translation>&lt;b&gt;决策边界&lt;/b&gt;&lt;p&gt;适用于有两个输入的数据：网络为平面上每个点给出的颜色，数据点叠加在上面。观察它如何随网络的学习而弯曲。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Evaluation&lt;/b&gt;&lt;p&gt;How well the trained network does on data it did not learn from: accuracy, precision, recall, F1 and the confusion matrix.&lt;/p&gt;</source>
        <translation>&lt;b&gt;评估&lt;/b&gt;&lt;p&gt;训练好的网络在没有学过的数据上表现如何：准确率、精确率、召回率、F1 分数和混淆矩阵。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImageFolderSummary</name>
    <message>
        <source>Decoding images: %v of %m</source>
        <translation>正在解码图像：%v / %m</translation>
    </message>
    <message>
        <source>These files are left out of training: fix or remove them and the folder is read again.</source>
        <translation>这些文件不参与训练：修复或删除它们后，会重新读取该文件夹。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>%1 images in %2 classes%3</source>
        <translation>%1 张图像，%2 个类别%3</translation>
    </message>
    <message>
        <source> (read from the cache beside the folder)</source>
        <translation>（从文件夹旁的缓存读取）</translation>
    </message>
    <message>
        <source>… and %1 more classes</source>
        <translation>… 以及另外 %1 个类别</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n file(s) that are not readable PNG or JPEG images:</source>
        <translation>
            <numerusform>已跳过 %n 个无法读取为 PNG 或 JPEG 图像的文件：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) of class %1</source>
        <translation>
            <numerusform>类别 %1 的 %n 张图像</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsidePanel</name>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <source>Neurons</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>滤波器</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Recurrent state</source>
        <translation>循环状态</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Backprop stepper</source>
        <translation>反向传播步进器</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>%1 layers selected.
Select one layer to edit its settings.</source>
        <translation>已选择 %1 个层。
选择单个层以编辑其设置。</translation>
    </message>
    <message>
        <source>Select a layer to edit its settings.</source>
        <translation>选择一个层以编辑其设置。</translation>
    </message>
    <message>
        <source>This layer has no settings.</source>
        <translation>该层没有设置项。</translation>
    </message>
    <message>
        <source>Real data: the discriminator&apos;s input. It takes batches of the data&apos;s samples, then the generator&apos;s fake samples; its shape must be the data&apos;s.</source>
        <translation>真实数据：判别器的输入。它先接收一批批数据样本，再接收生成器的假样本；其形状必须与数据一致。</translation>
    </message>
    <message>
        <source>Noise: the generator&apos;s input z. Its shape is z&apos;s dimension; each value is drawn from the distribution below at every step.</source>
        <translation>噪声：生成器的输入 z。其形状即 z 的维度；每一步中每个值都从下方的分布中抽取。</translation>
    </message>
    <message>
        <source>distribution</source>
        <translation>分布</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>KernelCanvas</name>
    <message>
        <source>Σ products of channel %1 = %2</source>
        <translation>通道 %1 的乘积之和 Σ = %2</translation>
    </message>
    <message>
        <source>Σ over all %1 channels = %2</source>
        <translation>所有 %1 个通道之和 Σ = %2</translation>
    </message>
    <message>
        <source>+ bias %1 = %2</source>
        <translation>+ 偏置 %1 = %2</translation>
    </message>
    <message>
        <source>output (%1, %2) = %3</source>
        <translation>输出 (%1, %2) = %3</translation>
    </message>
    <message>
        <source>%1(%2) = output (%3, %4) = %5</source>
        <translation>%1(%2) = 输出 (%3, %4) = %5</translation>
    </message>
    <message>
        <source>Output of filter %1</source>
        <translation>滤波器 %1 的输出</translation>
    </message>
    <message>
        <source>Input, channel %1</source>
        <translation>输入，通道 %1</translation>
    </message>
    <message>
        <source>input patch</source>
        <translation>输入块</translation>
    </message>
    <message>
        <source>× kernel</source>
        <translation>× 卷积核</translation>
    </message>
    <message>
        <source>= products</source>
        <translation>= 乘积</translation>
    </message>
</context>
<context>
    <name>KernelView</name>
    <message>
        <source>Input channel:</source>
        <translation>输入通道：</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>How the first convolution layer computes one output value: its kernel (one filter&apos;s weights) lies on a patch of the input, each input number is multiplied by the weight on it, and the products are added up, over every input channel, plus the filter&apos;s bias. The activation of that sum is one pixel of the filter&apos;s feature map. Then the window moves on by the stride. Hatched cells are the zero padding.</source>
        <translation>第一个卷积层如何计算一个输出值：它的卷积核（一个滤波器的权重）覆盖在输入的一小块上，每个输入数值乘以覆盖在它上面的权重，再把所有输入通道上的乘积加起来，加上该滤波器的偏置。这个和经过激活函数后，就是该滤波器特征图中的一个像素。然后窗口按步幅移动到下一个位置。带斜线的格子是零填充。</translation>
    </message>
    <message>
        <source>Positions per second while playing</source>
        <translation>播放时每秒移动的位置数</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>滤波器：</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>No image yet: open a network with a convolution layer (for example shapes-cnn).</source>
        <translation>还没有图像：请打开一个含卷积层的网络（例如 shapes-cnn）。</translation>
    </message>
    <message>
        <source>This network has no Conv2D layer: add one after the Input to see its kernel slide.</source>
        <translation>这个网络没有 Conv2D 层：在 Input 之后添加一个，即可看到它的卷积核滑动。</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>LayerLab will use %1 from its next start.</source>
        <translation>LayerLab 将在下次启动时使用 %1。</translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation>系统（%1）(&amp;S)</translation>
    </message>
</context>
<context>
    <name>LayoutPresets</name>
    <message>
        <source>&amp;Build Layout</source>
        <translation>搭建布局(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Train Layout</source>
        <translation>训练布局(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Present Layout</source>
        <translation>演示布局(&amp;P)</translation>
    </message>
    <message>
        <source>The canvas, the layers and the settings big: for building a network</source>
        <translation>放大画布、层和设置：用于搭建网络</translation>
    </message>
    <message>
        <source>The pictures of the run big, the canvas just big enough for the network: for watching it learn</source>
        <translation>放大训练过程的图像，画布刚好容纳网络：用于观察网络学习</translation>
    </message>
    <message>
        <source>Only the pictures of the run, in large fonts for a projector: for showing a class</source>
        <translation>只显示训练过程的图像，并使用适合投影仪的大字号：用于课堂演示</translation>
    </message>
</context>
<context>
    <name>LessonActions</name>
    <message>
        <source>Unknown action @%1.</source>
        <translation>未知的动作 @%1。</translation>
    </message>
    <message>
        <source>There is no example &apos;%1&apos;: %2</source>
        <translation>没有名为“%1”的示例：%2</translation>
    </message>
    <message>
        <source>The example %1 was not opened.</source>
        <translation>未打开示例 %1。</translation>
    </message>
    <message>
        <source>There is no Inside view &apos;%1&apos;: use %2.</source>
        <translation>“网络内部”中没有视图“%1”：请使用 %2。</translation>
    </message>
    <message>
        <source>There is no panel &apos;%1&apos;: use %2.</source>
        <translation>没有面板“%1”：请使用 %2。</translation>
    </message>
    <message>
        <source>There is nothing called &apos;%1&apos; to point at: use a panel, inside/VIEW, action/train, action/step, action/pause, action/stop, action/reset or node/NAME with a layer&apos;s name.</source>
        <translation>没有可以指向的“%1”：请使用面板名、inside/VIEW、action/train、action/step、action/pause、action/stop、action/reset，或 node/NAME（NAME 为层的名称）。</translation>
    </message>
    <message>
        <source>Stop the training before the lesson changes %1.</source>
        <translation>请先停止训练，课程才能修改 %1。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a value for %2 (%3).</source>
        <translation>“%1”不是 %2 的有效取值（%3）。</translation>
    </message>
    <message>
        <source>%1 is not a setting: see the project file&apos;s &quot;%2&quot; section.</source>
        <translation>%1 不是一项设置：请参阅项目文件的“%2”部分。</translation>
    </message>
    <message>
        <source>There is no %1 &apos;%2&apos;: use %3.</source>
        <translation>没有 %1“%2”：请使用 %3。</translation>
    </message>
    <message>
        <source>%1 has no setting &apos;%2&apos;.</source>
        <translation>%1 没有设置项“%2”。</translation>
    </message>
    <message>
        <source>There is no layer &apos;%1&apos; on the canvas (write node/NAME.SETTING).</source>
        <translation>画布上没有名为“%1”的层（请写作 node/NAME.SETTING）。</translation>
    </message>
    <message>
        <source>%1 (%2) has no setting &apos;%3&apos;.</source>
        <translation>%1（%2）没有设置项“%3”。</translation>
    </message>
    <message>
        <source>%1 is not a setting a lesson can change: use training.KEY, data.KEY, optimizer, optimizer.KEY, loss, loss.KEY or node/NAME.SETTING.</source>
        <translation>%1 不是课程可以修改的设置：请使用 training.KEY、data.KEY、optimizer、optimizer.KEY、loss、loss.KEY 或 node/NAME.SETTING。</translation>
    </message>
    <message>
        <source>Stop the training before the lesson resets the weights.</source>
        <translation>请先停止训练，课程才能重置权重。</translation>
    </message>
</context>
<context>
    <name>LessonReader</name>
    <message>
        <source>&apos;%1&apos; is not a number times a measure</source>
        <translation>“%1”不是“数值 * 度量”的形式</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a measure; use %2, or grad/, dead/ or saturated/ with a layer&apos;s name</source>
        <translation>“%1”不是度量；请使用 %2，或在 grad/、dead/、saturated/ 后加上层的名称</translation>
    </message>
    <message>
        <source>&apos;%1&apos; compares nothing: write A &lt; B, A &lt;= B, A &gt; B or A &gt;= B</source>
        <translation>“%1”没有进行比较：请写作 A &lt; B、A &lt;= B、A &gt; B 或 A &gt;= B</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>a lesson starts with its front matter between two --- lines</source>
        <translation>课程文件须以前置元数据开头，写在两行 --- 之间</translation>
    </message>
    <message>
        <source>the front matter has no title</source>
        <translation>前置元数据缺少 title</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not key: value</source>
        <translation>“%1”不是 key: value 的形式</translation>
    </message>
    <message>
        <source>concept is a whole number, not &apos;%1&apos;</source>
        <translation>concept 应为整数，而不是“%1”</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos;: use title, concept, example or summary</source>
        <translation>未知的键“%1”：请使用 title、concept、example 或 summary</translation>
    </message>
    <message>
        <source>the front matter has no closing --- line</source>
        <translation>前置元数据缺少结尾的 --- 行</translation>
    </message>
    <message>
        <source>text before the first page: start a page with a &apos;## &apos; heading</source>
        <translation>第一页之前有文本：请用 &apos;## &apos; 标题开始一页</translation>
    </message>
    <message>
        <source>the lesson has no pages: start one with a &apos;## &apos; heading</source>
        <translation>课程没有任何页面：请用 &apos;## &apos; 标题开始一页</translation>
    </message>
    <message>
        <source>@reset takes nothing after it</source>
        <translation>@reset 后面不能带任何内容</translation>
    </message>
    <message>
        <source>@%1 needs an argument</source>
        <translation>@%1 需要一个参数</translation>
    </message>
    <message>
        <source>there is no layout &apos;%1&apos;: use build, train or present</source>
        <translation>没有布局“%1”：请使用 build、train 或 present</translation>
    </message>
    <message>
        <source>@set needs a key and a value: @set training.epochs 50</source>
        <translation>@set 需要一个键和一个值：@set training.epochs 50</translation>
    </message>
    <message>
        <source>a page asks one question</source>
        <translation>每页只能提一个问题</translation>
    </message>
    <message>
        <source>@ask needs its question</source>
        <translation>@ask 后面需要写出问题</translation>
    </message>
    <message>
        <source>@option comes after its @ask</source>
        <translation>@option 须写在对应的 @ask 之后</translation>
    </message>
    <message>
        <source>@option needs its text, &apos;|&apos; and a condition</source>
        <translation>@option 需要选项文本、&apos;|&apos; 和一个条件</translation>
    </message>
    <message>
        <source>no earlier @run is named &apos;%1&apos; (name one with &apos;as %1&apos;)</source>
        <translation>前面没有名为“%1”的 @run（可用 &apos;as %1&apos; 为它命名）</translation>
    </message>
    <message>
        <source>@run needs a count and steps or epochs: @run 50 epochs, @run 100 steps as before</source>
        <translation>@run 需要一个次数以及 steps 或 epochs：@run 50 epochs、@run 100 steps as before</translation>
    </message>
    <message>
        <source>a page has one @run</source>
        <translation>每页只能有一个 @run</translation>
    </message>
    <message>
        <source>@explain needs its text</source>
        <translation>@explain 后面需要写出说明文字</translation>
    </message>
    <message>
        <source>unknown action @%1: use open, layout, view, highlight, set, reset, ask, option, run or explain</source>
        <translation>未知的动作 @%1：请使用 open、layout、view、highlight、set、reset、ask、option、run 或 explain</translation>
    </message>
    <message>
        <source>the page&apos;s question needs at least two @option lines</source>
        <translation>本页的问题至少需要两行 @option</translation>
    </message>
    <message>
        <source>the page asks a question but has no @run to answer it</source>
        <translation>本页提出了问题，但没有用来回答它的 @run</translation>
    </message>
    <message>
        <source>@explain belongs to a page with a @run</source>
        <translation>@explain 只能用在含有 @run 的页面中</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>There is no lesson %1.</source>
        <translation>没有课程 %1。</translation>
    </message>
</context>
<context>
    <name>LessonRunner</name>
    <message>
        <source>The network does not build: %1</source>
        <translation>网络无法构建：%1</translation>
    </message>
    <message>
        <source>The run could not start.</source>
        <translation>无法开始运行。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Epoch %1 of %2</source>
        <translation>第 %1 轮，共 %2 轮</translation>
    </message>
</context>
<context>
    <name>LessonsPanel</name>
    <message>
        <source>One lesson for each idea of the course. Each opens its example, points at what it talks about and asks you to &lt;b&gt;predict, then run&lt;/b&gt;.</source>
        <translation>每个概念一节课。每节课会打开相应的示例，指出所讲的部分，并请你&lt;b&gt;先预测，再运行&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Open a lesson written as a Markdown file (see docs/lessons.md)</source>
        <translation>打开用 Markdown 文件编写的课程（见 docs/lessons.md）</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Open Lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Lessons (*.md)</source>
        <translation>课程 (*.md)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Back to the list of lessons</source>
        <translation>返回课程列表</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Forget this lesson&apos;s progress and predictions and start it again</source>
        <translation>清除本课的进度和预测，从头开始</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Cannot Open Lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>%1

The format is described in docs/lessons.md.</source>
        <translation>%1

格式说明见 docs/lessons.md。</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Predict, then run</source>
        <translation>先预测，再运行</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Choose what you expect first</source>
        <translation>请先选择你的预测</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>This run cannot answer the question: it did not measure %1. Run the pages before this one first, and keep the views the lesson opens on show.</source>
        <translation>这次运行无法回答该问题：它没有测量 %1。请先运行本页之前的各页，并让课程打开的视图保持显示。</translation>
    </message>
    <message>
        <source>&lt;b&gt;You predicted it.&lt;/b&gt; What happened: %1.</source>
        <translation>&lt;b&gt;你预测对了。&lt;/b&gt;实际结果：%1。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not what you predicted.&lt;/b&gt; What happened: %1.</source>
        <translation>&lt;b&gt;与你的预测不同。&lt;/b&gt;实际结果：%1。</translation>
    </message>
    <message>
        <source>Run 1 step</source>
        <translation>运行 1 步</translation>
    </message>
    <message>
        <source>Run %1 steps</source>
        <translation>运行 %1 步</translation>
    </message>
    <message>
        <source>Run 1 epoch</source>
        <translation>运行 1 轮</translation>
    </message>
    <message>
        <source>Run %1 epochs</source>
        <translation>运行 %1 轮</translation>
    </message>
    <message>
        <source>%1 &lt;b&gt;✓ happened&lt;/b&gt;</source>
        <translation>%1 &lt;b&gt;✓ 实际发生&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>LogChartView</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
</context>
<context>
    <name>LossChartView</name>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>loss (log)</source>
        <translation>损失（对数）</translation>
    </message>
    <message>
        <source>%1 (smoothed)</source>
        <translation>%1（平滑后）</translation>
    </message>
    <message>
        <source>step %1 · epoch %2
loss %3
smoothed %4</source>
        <translation>第 %1 步 · 第 %2 轮
损失 %3
平滑后 %4</translation>
    </message>
    <message>
        <source>
%1 %2</source>
        <translation>
%1 %2</translation>
    </message>
    <message>
        <source>
validation %1 (epoch %2)</source>
        <translation>
验证 %1（第 %2 轮）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;打开时&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>GAN: layered distributions</source>
        <translation>GAN：分层分布</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>网络内部</translation>
    </message>
    <message>
        <source>GAN Images</source>
        <translation>GAN 图像</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>试一试</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Paste &amp;Image</source>
        <translation>粘贴图像(&amp;I)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>Try the image in the clipboard on the network (the Try it panel)</source>
        <translation>用网络试一试剪贴板中的图像（“试一试”面板）</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Optimizer &amp;Race…</source>
        <translation>优化器竞赛(&amp;R)…</translation>
    </message>
    <message>
        <source>Train this network under up to four optimizers from the same start and compare them</source>
        <translation>从同一起点用最多四种优化器训练这个网络并加以比较</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LayerLab</source>
        <translation>关于 LayerLab(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>New &amp;GAN Project</source>
        <translation>新建 GAN 项目(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>示例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Model as &amp;ONNX…</source>
        <translation>模型（ONNX）(&amp;O)…</translation>
    </message>
    <message>
        <source>Model as Py&amp;Torch Script…</source>
        <translation>模型（PyTorch 脚本）(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Weights as safetensors…</source>
        <translation>权重（safetensors）(&amp;W)…</translation>
    </message>
    <message>
        <source>Charts as &amp;PNG…</source>
        <translation>图表（PNG）(&amp;P)…</translation>
    </message>
    <message>
        <source>Metrics as &amp;CSV…</source>
        <translation>指标（CSV）(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>撤销 %1</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>重做 %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>没有可重做的操作</translation>
    </message>
    <message>
        <source>Preparing the project…</source>
        <translation>正在准备项目…</translation>
    </message>
    <message>
        <source>Nothing to show until the network builds: %1</source>
        <translation>网络构建成功前没有可显示的内容：%1</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>%1[*] — LayerLab</source>
        <translation>%1[*] — LayerLab</translation>
    </message>
    <message>
        <source>Export as ONNX</source>
        <translation>导出为 ONNX</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Export Weights as safetensors</source>
        <translation>将权重导出为 safetensors</translation>
    </message>
    <message>
        <source>safetensors files (*.safetensors)</source>
        <translation>safetensors 文件 (*.safetensors)</translation>
    </message>
    <message>
        <source>Export as PyTorch Script</source>
        <translation>导出为 PyTorch 脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>1 layer</source>
        <translation>1 个层</translation>
    </message>
    <message>
        <source>%1 layers</source>
        <translation>%1 个层</translation>
    </message>
    <message>
        <source>1 connection</source>
        <translation>1 条连接</translation>
    </message>
    <message>
        <source>%1 connections</source>
        <translation>%1 条连接</translation>
    </message>
    <message>
        <source>1 layer needs attention</source>
        <translation>1 个层需要处理</translation>
    </message>
    <message>
        <source>%1 layers need attention</source>
        <translation>%1 个层需要处理</translation>
    </message>
    <message>
        <source>About LayerLab</source>
        <translation>关于 LayerLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LayerLab %1&lt;/h3&gt;&lt;p&gt;A desktop neural-network playground for teaching: build a network from layers, train it, and watch it learn.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LayerLab %1&lt;/h3&gt;&lt;p&gt;用于教学的桌面神经网络实验平台：用层搭建网络，训练它，观察它如何学习。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>One lesson for each idea of the course: it opens an example, points at what it talks about and asks you to predict, then run</source>
        <translation>每个概念一节课：打开一个示例，指出所讲的部分，并请你先预测，再运行</translation>
    </message>
    <message>
        <source>Open &amp;Lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <source>Open Lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Lessons (*.md)</source>
        <translation>课程 (*.md)</translation>
    </message>
    <message>
        <source>Open a lesson written as a Markdown file (docs/lessons.md describes the format)</source>
        <translation>打开用 Markdown 文件编写的课程（格式说明见 docs/lessons.md）</translation>
    </message>
</context>
<context>
    <name>MoveNodesCommand</name>
    <message>
        <source>Move %1 into %2</source>
        <translation>将 %1 移入 %2</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Move %1 Layers</source>
        <translation>移动 %1 个层</translation>
    </message>
</context>
<context>
    <name>NeuronCanvas</name>
    <message>
        <source>Weight from %1 unit %2 to %3 unit %4 back to %5.</source>
        <translation>%1 单元 %2 到 %3 单元 %4 的权重已恢复为 %5。</translation>
    </message>
    <message>
        <source>Weight from %1 unit %2 to %3 unit %4 set to %5 (it was %6; Edit ▸ Undo puts it back).</source>
        <translation>%1 单元 %2 到 %3 单元 %4 的权重已设为 %5（原为 %6；“编辑 ▸ 撤销”可恢复）。</translation>
    </message>
    <message>
        <source>Hide Neurons</source>
        <translation>隐藏神经元</translation>
    </message>
    <message>
        <source>Show Neurons</source>
        <translation>显示神经元</translation>
    </message>
    <message>
        <source>%1 unit %2 → %3 unit %4</source>
        <translation>%1 单元 %2 → %3 单元 %4</translation>
    </message>
    <message>
        <source>Pause or stop training, then click a link to change its weight.</source>
        <translation>暂停或停止训练后，点击连线即可修改其权重。</translation>
    </message>
    <message>
        <source>%1 unit %2 → %3 unit %4; Enter sets it</source>
        <translation>%1 单元 %2 → %3 单元 %4；按 Enter 确认</translation>
    </message>
    <message>
        <source>&lt;b&gt;Show Neurons&lt;/b&gt; (or double-click the node): each unit of this layer as a small heat map of its output over the input plane, for the same plane as the decision boundary (blue positive, orange negative, white 0). The first layer&apos;s units cut the plane with straight lines; the next ones combine them into curves: that is how the network builds its decision boundary. Between two shown layers of at most 16 units the weights are drawn as lines (blue positive, orange negative, thicker for larger): hover one to read it, pause and click it to change it. Needs data with 2 input features.</source>
        <translation>&lt;b&gt;显示神经元&lt;/b&gt;（或双击节点）：把该层的每个单元画成一张小热图，显示它在输入平面上的输出，所用平面与决策边界相同（蓝色为正，橙色为负，白色为 0）。第一层的单元用直线切分平面；后面各层把这些直线组合成曲线：网络就是这样构建决策边界的。在两个已显示且各自最多 16 个单元的层之间，权重画成连线（蓝色为正，橙色为负，越粗表示越大）：悬停可读取数值，暂停后点击可修改。需要有 2 个输入特征的数据。</translation>
    </message>
    <message>
        <source>&lt;b&gt;w = %1&lt;/b&gt;&lt;br&gt;from %2 unit %3 to %4 unit %5 (%6[%7, %8])&lt;br&gt;Pause or stop training, then click to edit it.</source>
        <translation>&lt;b&gt;w = %1&lt;/b&gt;&lt;br&gt;从 %2 单元 %3 到 %4 单元 %5（%6[%7, %8]）&lt;br&gt;暂停或停止训练后，点击即可编辑。</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>1 个单元</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 个单元</translation>
    </message>
    <message>
        <source>units %1–%2 of %3</source>
        <translation>第 %1–%2 个单元，共 %3 个</translation>
    </message>
    <message>
        <source>Scroll with the mouse wheel or the arrows to see the other units.</source>
        <translation>用鼠标滚轮或箭头滚动，可查看其他单元。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unit %1&lt;/b&gt;: its output over the input plane, from %2 to %3.&lt;br&gt;Blue: positive, orange: negative, white: 0 (full colour at ±%4, the layer&apos;s largest value).</source>
        <translation>&lt;b&gt;单元 %1&lt;/b&gt;：它在输入平面上的输出，范围从 %2 到 %3。&lt;br&gt;蓝色：正，橙色：负，白色：0（在 ±%4 即该层最大值处颜色最深）。</translation>
    </message>
    <message>
        <source>Neurons are drawn over the input plane of a classifier; a GAN&apos;s networks have no such plane.</source>
        <translation>神经元画在分类器的输入平面上；GAN 的网络没有这样的平面。</translation>
    </message>
    <message>
        <source>Neurons as heat maps need data with 2 input features (this data has %1) — try the spiral, moons or circle data. The Inside dock&apos;s Neurons tab works for any data.</source>
        <translation>以热图显示神经元需要有 2 个输入特征的数据（当前数据有 %1 个）——可试试 spiral、moons 或 circle 数据。“网络内部”面板的“神经元”标签页适用于任何数据。</translation>
    </message>
</context>
<context>
    <name>NeuronGrid</name>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>dead %1</source>
        <translation>死亡 %1</translation>
    </message>
    <message>
        <source>saturated %1</source>
        <translation>饱和 %1</translation>
    </message>
    <message>
        <source>steps %1–%2</source>
        <translation>第 %1–%2 步</translation>
    </message>
</context>
<context>
    <name>NeuronStatsView</name>
    <message>
        <source>One panel per layer. The heat map shows the layer&apos;s output values (up: larger) at each step (right: later); darker means more of the batch&apos;s values there. Below, in red, the share of values that are exactly 0: ReLUs that output 0 for every input are &lt;i&gt;dead&lt;/i&gt; and no longer learn. In orange, the share of sigmoid or tanh outputs near their limits: &lt;i&gt;saturated&lt;/i&gt; units pass almost no gradient back. For data with 2 inputs, each unit&apos;s own picture is on the canvas: click ▸ on a layer (or double-click it) to see its units as heat maps over the input plane.</source>
        <translation>每层一个面板。热图显示该层在每一步（越往右越晚）的输出值（越往上越大）；颜色越深，表示批次中落在该处的值越多。下方红色为恰好等于 0 的值所占的比例：对所有输入都输出 0 的 ReLU 已经&lt;i&gt;死亡&lt;/i&gt;，不再学习。橙色为 sigmoid 或 tanh 输出接近其极限的比例：&lt;i&gt;饱和&lt;/i&gt;的单元几乎无法回传梯度。对于有 2 个输入的数据，每个单元自己的图像就在画布上：点击层上的 ▸（或双击该层），即可看到它的各单元在输入平面上的热图。</translation>
    </message>
</context>
<context>
    <name>OptimizerRaceDialog</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Optimizer Race</source>
        <translation>优化器竞赛</translation>
    </message>
    <message>
        <source>Contestants: the same network, weights and data order; only the optimizer differs</source>
        <translation>参赛者：网络、权重和数据顺序都相同，只有优化器不同</translation>
    </message>
    <message>
        <source>Epochs every run trains (the project&apos;s own setting to begin with)</source>
        <translation>每次运行训练的轮数（初始值为项目自身的设置）</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>竞赛</translation>
    </message>
    <message>
        <source>Loss Surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>Two numbers instead of a network&apos;s thousands: a point (x, y) rolls downhill on a classic test function under each optimizer, the same optimizer code that trains the networks, fed the function&apos;s exact gradient. Every dot is one step. SGD zig-zags across narrow valleys and stalls on plateaus; momentum overshoots and swings back; RMSprop and Adam take steps of even size whatever the slope.</source>
        <translation>用两个数代替网络的成千上万个参数：在一个经典测试函数上，点 (x, y) 在各个优化器的驱动下滚向低处；所用的优化器代码与训练网络时完全相同，输入的是该函数的精确梯度。每个点代表一步。SGD 在狭窄的山谷中来回之字形摆动，在平台上停滞不前；动量会冲过头再摆回来；RMSprop 和 Adam 无论坡度如何，步长都大致相同。</translation>
    </message>
    <message>
        <source>Classic Functions</source>
        <translation>经典函数</translation>
    </message>
    <message>
        <source>Pick up to four settings and press Start.</source>
        <translation>最多选择四组设置，然后按“开始”。</translation>
    </message>
    <message>
        <source>Copies of your network start from exactly the same weights and see the training samples in exactly the same order; only the optimizer, its learning rate and the batch size differ. Left: each epoch&apos;s mean training loss. Right: the loss on a fixed set of training samples (the probe), measured about 8 times an epoch. Against samples seen every run has done the same work, so the lower curve learned more from the same data; against updates, full-batch gradient descent takes one step an epoch and batch 1 one step per sample. Below: each run&apos;s decision boundary.</source>
        <translation>你的网络的各个副本从完全相同的权重出发，以完全相同的顺序看到训练样本；只有优化器、其学习率和批次大小不同。左图：每轮的平均训练损失。右图：在一组固定训练样本（探针）上的损失，每轮约测量 8 次。以已见样本数为横轴时，每次运行所做的计算量相同，因此曲线越低，说明从相同数据中学到的越多；以更新次数为横轴时，批量梯度下降每轮只走一步，而批次大小为 1 时每个样本走一步。下方：每次运行的决策边界。</translation>
    </message>
    <message>
        <source>Press Start: the slice is drawn once the runs have left the origin.</source>
        <translation>按“开始”：各次运行离开原点后就会绘制切面。</translation>
    </message>
    <message>
        <source>The loss of your network on a flat slice through its initial weights θ₀: the plane θ₀ + a·d₁ + b·d₂ spanned by two fixed random directions, each scaled filter by filter (neuron by neuron) to the size of the weights, as in Li et al. 2018, so that a = 1 is a step as large as the weights themselves. Shades and contour lines give the loss on the probe samples (light blue low, sand high). Each run&apos;s path is its weights at every checkpoint projected onto the plane (least squares); all start at the centre ○. The network has far more than two directions, so a path&apos;s shadow here can be short while the run moves far, and the loss under a path is the slice&apos;s, not the run&apos;s own: the curves give that.</source>
        <translation>你的网络在穿过其初始权重 θ₀ 的一个平面切片上的损失：平面 θ₀ + a·d₁ + b·d₂ 由两个固定的随机方向张成，每个方向都逐个滤波器（逐个神经元）缩放到与权重相同的大小，做法同 Li et al. 2018，因此 a = 1 就是与权重本身一样大的一步。颜色深浅和等高线表示探针样本上的损失（浅蓝为低，沙色为高）。每次运行的路径是它在每个检查点的权重在该平面上的投影（最小二乘）；所有路径都从中心 ○ 出发。网络的方向远不止两个，因此一条路径在这里的投影可能很短，而该运行实际走得很远；路径下方的损失是该切面的损失，而不是该运行自身的损失：后者请看曲线。</translation>
    </message>
    <message>
        <source>Check at least one contestant.</source>
        <translation>请至少勾选一个参赛者。</translation>
    </message>
    <message numerus="yes">
        <source>Loading the data and building %n network(s)…</source>
        <translation>
            <numerusform>正在加载数据并构建 %n 个网络…</numerusform>
        </translation>
    </message>
    <message>
        <source>No decision boundaries: %1</source>
        <translation>无决策边界：%1</translation>
    </message>
    <message>
        <source>a (direction 1)</source>
        <translation>a（方向 1）</translation>
    </message>
    <message>
        <source>b (direction 2)</source>
        <translation>b（方向 2）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Finished %1 epochs.</source>
        <translation>已完成 %1 轮。</translation>
    </message>
    <message>
        <source>Epoch %1 of %2.</source>
        <translation>第 %1 轮，共 %2 轮。</translation>
    </message>
    <message>
        <source>Stopped at epoch %1.</source>
        <translation>已在第 %1 轮停止。</translation>
    </message>
    <message>
        <source>Lowest loss: %1 (%2).</source>
        <translation>最低损失：%1（%2）。</translation>
    </message>
</context>
<context>
    <name>PaceControl</name>
    <message>
        <source>Pace</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pace&lt;/b&gt;&lt;p&gt;How fast training goes: from slow motion, one step a second, to as fast as the computer can. Slow it down to watch the decision boundary and the curves form step by step; the pace is saved with the project and a run follows it at once.&lt;/p&gt;</source>
        <translation>&lt;b&gt;速度&lt;/b&gt;&lt;p&gt;训练进行的快慢：从每秒一步的慢动作，到计算机所能达到的最快速度。放慢速度可以逐步观察决策边界和曲线的形成；速度随项目一起保存，正在进行的训练会立即按新速度运行。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>%1 steps/s · %2 ms apart</source>
        <translation>%1 步/秒 · 间隔 %2 毫秒</translation>
    </message>
</context>
<context>
    <name>PalettePanel</name>
    <message>
        <source>Search layers…</source>
        <translation>搜索层…</translation>
    </message>
    <message>
        <source>Drag a layer onto the canvas, or double-click it.</source>
        <translation>把层拖到画布上，或双击它。</translation>
    </message>
</context>
<context>
    <name>PasteCommand</name>
    <message>
        <source>Paste %1</source>
        <translation>粘贴 %1</translation>
    </message>
    <message>
        <source>Paste %1 Layers</source>
        <translation>粘贴 %1 个层</translation>
    </message>
</context>
<context>
    <name>PlotCanvas</name>
    <message>
        <source>● train</source>
        <translation>● 训练集</translation>
    </message>
    <message>
        <source>○ validation</source>
        <translation>○ 验证集</translation>
    </message>
    <message>
        <source>— model</source>
        <translation>— 模型</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>New project: drag layers from the palette onto the canvas.</source>
        <translation>新项目：从“层”面板把层拖到画布上。</translation>
    </message>
    <message>
        <source>New GAN project: the generator turns noise into points, the discriminator tells them from the ring&apos;s. Drop layers into either frame.</source>
        <translation>新 GAN 项目：生成器把噪声变成点，判别器把它们与 ring 数据的点区分开。把层拖入任一框中。</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Cannot Open Project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot Save Project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them first?</source>
        <translation>%1 有未保存的更改。要先保存吗？</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source># No PyTorch code yet: the graph has a problem to fix first.
#
</source>
        <translation># 还没有 PyTorch 代码：计算图中有问题需要先修复。
#
</translation>
    </message>
    <message>
        <source>#
# The code appears here as soon as the graph is complete.
</source>
        <translation>#
# 计算图一完整，代码就会显示在这里。
</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>fake samples</source>
        <translation>假样本</translation>
    </message>
    <message>
        <source>G&apos;s samples go to D&apos;s Input as fake samples; the trainer passes them, so there is no wire to edit.</source>
        <translation>G 的样本作为假样本送入 D 的 Input；由训练器负责传递，所以没有可编辑的连线。</translation>
    </message>
    <message>
        <source>noise in, fake samples out</source>
        <translation>输入噪声，输出假样本</translation>
    </message>
    <message>
        <source>sample in, real or fake? out</source>
        <translation>输入样本，输出“真还是假？”</translation>
    </message>
    <message>
        <source>The generator G turns noise into samples. Drop layers here to add them to G.</source>
        <translation>生成器 G 把噪声变成样本。把层拖到这里即可加入 G。</translation>
    </message>
    <message>
        <source>The discriminator D tells real samples from G&apos;s. Drop layers here to add them to D.</source>
        <translation>判别器 D 区分真实样本和 G 生成的样本。把层拖到这里即可加入 D。</translation>
    </message>
    <message>
        <source>shape error</source>
        <translation>形状错误</translation>
    </message>
    <message>
        <source>waiting for input</source>
        <translation>等待输入</translation>
    </message>
    <message>
        <source>Output %1 (%2): drag from here to connect</source>
        <translation>输出 %1（%2）：从这里拖动以建立连接</translation>
    </message>
    <message>
        <source>Outputs, left to right: %1</source>
        <translation>各输出（从左到右）：%1</translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation>输出：%1</translation>
    </message>
    <message>
        <source>Carries %1</source>
        <translation>传递 %1</translation>
    </message>
    <message>
        <source>LayerLab projects (*.layerlab.json);;JSON files (*.json);;All files (*)</source>
        <translation>LayerLab 项目 (*.layerlab.json);;JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>RaceCurves</name>
    <message>
        <source>Training loss per epoch (the mean over its batches)</source>
        <translation>每轮的训练损失（各批次的平均值）</translation>
    </message>
    <message>
        <source>Loss on the probe samples as training goes</source>
        <translation>训练过程中探针样本上的损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation>已见样本数</translation>
    </message>
    <message>
        <source>against samples seen (equal compute)</source>
        <translation>按已见样本数（计算量相同）</translation>
    </message>
    <message>
        <source>against updates (optimizer steps)</source>
        <translation>按更新次数（优化器步数）</translation>
    </message>
    <message>
        <source>Samples seen measure compute: every run sees the same samples an epoch. Updates count optimizer steps: full batch takes one an epoch, batch 1 one per sample.</source>
        <translation>已见样本数衡量计算量：每次运行每轮看到的样本相同。更新次数统计优化器的步数：全批量每轮一步，批次大小为 1 时每个样本一步。</translation>
    </message>
    <message>
        <source>updates</source>
        <translation>更新次数</translation>
    </message>
    <message>
        <source>x axis:</source>
        <translation>x 轴：</translation>
    </message>
</context>
<context>
    <name>RaceSettingRow</name>
    <message>
        <source>project&apos;s batch</source>
        <translation>项目的批次</translation>
    </message>
    <message>
        <source>full batch (GD)</source>
        <translation>全批量（GD）</translation>
    </message>
    <message>
        <source>batch 1 (SGD)</source>
        <translation>批次 1（SGD）</translation>
    </message>
    <message>
        <source>batch 8</source>
        <translation>批次 8</translation>
    </message>
    <message>
        <source>batch 32</source>
        <translation>批次 32</translation>
    </message>
    <message>
        <source>batch 128</source>
        <translation>批次 128</translation>
    </message>
    <message>
        <source>The optimizer: Momentum and Nesterov are SGD with momentum 0.9</source>
        <translation>优化器：Momentum 和 Nesterov 是动量为 0.9 的 SGD</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>The learning rate of this run</source>
        <translation>这次运行的学习率</translation>
    </message>
    <message>
        <source>Samples per step. Every run sees the same samples per epoch: full batch takes one step an epoch, batch 1 a step per sample</source>
        <translation>每步的样本数。每次运行每轮看到的样本都相同：全批量每轮走一步，批次 1 每个样本走一步</translation>
    </message>
</context>
<context>
    <name>RecurrentStateView</name>
    <message>
        <source>A recurrent layer reads the sequence one token at a time and carries a &lt;i&gt;hidden state&lt;/i&gt; h from step to step: h&lt;sub&gt;t&lt;/sub&gt; = f(W·[h&lt;sub&gt;t−1&lt;/sub&gt;, x&lt;sub&gt;t&lt;/sub&gt;] + b). Each column is the state after reading the token above it, each row one unit of the state. Red is positive, blue negative, white 0. Units that keep their colour over many steps remember; units that flip at certain letters detect them. A bidirectional layer also reads backwards (its own map); an LSTM&apos;s cell state c is its long-term memory. Padding is cut off.</source>
        <translation>循环层每次读取序列中的一个词元，并把&lt;i&gt;隐藏状态&lt;/i&gt; h 从一步传到下一步：h&lt;sub&gt;t&lt;/sub&gt; = f(W·[h&lt;sub&gt;t−1&lt;/sub&gt;, x&lt;sub&gt;t&lt;/sub&gt;] + b)。每一列是读完其上方词元后的状态，每一行是状态的一个单元。红色为正，蓝色为负，白色为 0。在许多步中保持颜色不变的单元负责记忆；在某些字母处翻转的单元负责检测这些字母。双向层还会反向读取（有单独的一张图）；LSTM 的细胞状态 c 是它的长期记忆。填充部分已去掉。</translation>
    </message>
    <message>
        <source>Cell state c</source>
        <translation>细胞状态 c</translation>
    </message>
    <message>
        <source>Hidden state h</source>
        <translation>隐藏状态 h</translation>
    </message>
    <message>
        <source>%1, backward direction (read from the end)</source>
        <translation>%1，反向（从末尾读起）</translation>
    </message>
    <message>
        <source> — rows: units, columns: steps</source>
        <translation> — 行：单元，列：步</translation>
    </message>
    <message>
        <source>No hidden states yet: train a network with a SimpleRNN, GRU or LSTM layer and they appear here.</source>
        <translation>还没有隐藏状态：训练一个含 SimpleRNN、GRU 或 LSTM 层的网络，它们就会显示在这里。</translation>
    </message>
</context>
<context>
    <name>RemoveSelectionCommand</name>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Delete %1 Connections</source>
        <translation>删除 %1 个连接</translation>
    </message>
    <message>
        <source>Delete %1 Layers</source>
        <translation>删除 %1 个层</translation>
    </message>
</context>
<context>
    <name>RenameNodeCommand</name>
    <message>
        <source>Rename %1 to %2</source>
        <translation>将 %1 重命名为 %2</translation>
    </message>
</context>
<context>
    <name>RunLabel</name>
    <message>
        <source> lr %1</source>
        <translation> 学习率 %1</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>批大小 %1</translation>
    </message>
    <message>
        <source>L1 %1</source>
        <translation>L1 %1</translation>
    </message>
    <message>
        <source>L2 %1</source>
        <translation>L2 %1</translation>
    </message>
    <message>
        <source>dropout %1</source>
        <translation>Dropout %1</translation>
    </message>
</context>
<context>
    <name>SequenceSection</name>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Words each</source>
        <translation>每种语言词数</translation>
    </message>
    <message>
        <source>The text the language model learns to continue: fortunes-min&apos;s fortunes or a UTF-8 .txt file.</source>
        <translation>语言模型学习续写的文本：fortunes-min 的格言，或一个 UTF-8 .txt 文件。</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Text column</source>
        <translation>文本列</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Length T</source>
        <translation>长度 T</translation>
    </message>
    <message>
        <source>the set&apos;s own</source>
        <translation>数据集默认</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>预测长度</translation>
    </message>
    <message>
        <source>%1 (not installed: apt install %2)</source>
        <translation>%1（未安装：apt install %2）</translation>
    </message>
    <message>
        <source>Words from Debian&apos;s %1 (/usr/share/dict/%2)</source>
        <translation>来自 Debian 的 %1 的单词（/usr/share/dict/%2）</translation>
    </message>
    <message>
        <source>Window T</source>
        <translation>窗口 T</translation>
    </message>
    <message>
        <source>Steps T</source>
        <translation>步数 T</translation>
    </message>
    <message>
        <source>fortunes-min&apos;s fortunes</source>
        <translation>fortunes-min 的格言</translation>
    </message>
    <message>
        <source>fortunes (not installed: apt install fortunes-min)</source>
        <translation>fortunes（未安装：apt install fortunes-min）</translation>
    </message>
    <message>
        <source>A UTF-8 .txt file…</source>
        <translation>UTF-8 .txt 文件…</translation>
    </message>
    <message>
        <source>Series column</source>
        <translation>序列列</translation>
    </message>
    <message>
        <source>The column holding the texts to classify.</source>
        <translation>存放待分类文本的列。</translation>
    </message>
    <message>
        <source>The column holding the values of the time series, one per row, in time order.</source>
        <translation>存放时间序列数值的列，每行一个，按时间顺序排列。</translation>
    </message>
    <message>
        <source>Open a text for the language model</source>
        <translation>为语言模型打开文本</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 is not a .txt file; a language model reads a UTF-8 text file ending in .txt.</source>
        <translation>%1 不是 .txt 文件；语言模型读取以 .txt 结尾的 UTF-8 文本文件。</translation>
    </message>
</context>
<context>
    <name>SequenceTab</name>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>Sample of the batch:</source>
        <translation>批次中的样本：</translation>
    </message>
    <message>
        <source>Which sample of each training batch to show; the batches are shuffled, so its text changes from update to update.</source>
        <translation>显示每个训练批次中的哪个样本；批次是打乱的，所以每次更新时显示的文本都会变化。</translation>
    </message>
</context>
<context>
    <name>SetWeightCommand</name>
    <message>
        <source>Set Weight %1</source>
        <translation>设置权重 %1</translation>
    </message>
</context>
<context>
    <name>SettingEditor</name>
    <message>
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>for example 1, 28, 28</source>
        <translation>例如 1, 28, 28</translation>
    </message>
    <message>
        <source>Write a number such as 0.001 or 1e-5.</source>
        <translation>请输入一个数，例如 0.001 或 1e-5。</translation>
    </message>
    <message>
        <source>Write whole numbers separated by commas, such as 1, 28, 28.</source>
        <translation>请输入以逗号分隔的整数，例如 1, 28, 28。</translation>
    </message>
</context>
<context>
    <name>StepKindActions</name>
    <message>
        <source>Step &amp;D Only</source>
        <translation>仅单步 D(&amp;D)</translation>
    </message>
    <message>
        <source>Step &amp;G Only</source>
        <translation>仅单步 G(&amp;G)</translation>
    </message>
    <message>
        <source>Step D and G (One of Each)</source>
        <translation>单步 D 和 G（各一次）</translation>
    </message>
    <message>
        <source>Train only the discriminator for one batch; the generator stays as it is</source>
        <translation>只用一个批次训练判别器；生成器保持不变</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step D Only&lt;/b&gt;&lt;p&gt;One discriminator step on one batch: D learns to tell these real samples from the generator&apos;s. The generator does not change.&lt;/p&gt;</source>
        <translation>&lt;b&gt;仅单步 D&lt;/b&gt;&lt;p&gt;在一个批次上进行一次判别器更新：D 学习区分这些真实样本与生成器的样本。生成器不变。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Train only the generator for one batch; the discriminator stays as it is</source>
        <translation>只用一个批次训练生成器；判别器保持不变</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step G Only&lt;/b&gt;&lt;p&gt;One generator step: G moves its samples to where the discriminator, frozen, finds them more real. The discriminator does not change.&lt;/p&gt;</source>
        <translation>&lt;b&gt;仅单步 G&lt;/b&gt;&lt;p&gt;进行一次生成器更新：G 把它的样本移向被冻结的判别器认为更真实的地方。判别器不变。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Train the discriminator, then the generator, for one batch</source>
        <translation>用一个批次先训练判别器，再训练生成器</translation>
    </message>
</context>
<context>
    <name>TextTryIt</name>
    <message>
        <source>Temperature: 0 always takes the most likely next character; 1 draws from the model&apos;s own probabilities; higher flattens them (more surprising text).</source>
        <translation>温度：为 0 时总是选择最可能的下一个字符；为 1 时按模型自身的概率抽样；更高则使概率分布更平坦（生成的文本更出人意料）。</translation>
    </message>
    <message>
        <source>How many tokens to generate after the prompt.</source>
        <translation>在提示之后生成多少个词元。</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>A prompt for the model to continue, or nothing</source>
        <translation>让模型接着写的提示，也可以留空</translation>
    </message>
    <message>
        <source>Type a word or a sentence…</source>
        <translation>输入一个词或一句话…</translation>
    </message>
    <message>
        <source>The network is not ready: fix what the status bar names, then try again.</source>
        <translation>网络还没有准备好：请先修正状态栏中指出的问题，再试一次。</translation>
    </message>
    <message>
        <source>The network cannot run yet: %1</source>
        <translation>网络还不能运行：%1</translation>
    </message>
    <message>
        <source>Not in the vocabulary, read as &lt;unk&gt;: %1</source>
        <translation>不在词表中，按 &lt;unk&gt; 处理：%1</translation>
    </message>
</context>
<context>
    <name>TokenStrip</name>
    <message>
        <source>read</source>
        <translation>读入</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>loss per step</source>
        <translation>每步损失</translation>
    </message>
</context>
<context>
    <name>TokenView</name>
    <message>
        <source>This network answers at every step of the sequence: a language model predicts the next token, a copy or reverse task the token to write there. Each column is one step of one sample of the batch just trained: the token the network &lt;i&gt;read&lt;/i&gt;, the token it &lt;i&gt;predicted&lt;/i&gt; (the class with the largest score; green when it equals the target, red when not), and the &lt;i&gt;target&lt;/i&gt;. The bars are each step&apos;s loss, −log of the probability the network gave the target: tall bars are the steps it finds hard. Early steps of a language model are hard (little context); watch the bars shrink as it learns.</source>
        <translation>这个网络在序列的每一步都给出回答：语言模型预测下一个词元，复制或反转任务预测该位置要写的词元。每一列是刚训练的批次中某个样本的一步：网络&lt;i&gt;读入&lt;/i&gt;的词元、它&lt;i&gt;预测&lt;/i&gt;的词元（得分最高的类别；与目标相同为绿色，不同为红色），以及&lt;i&gt;目标&lt;/i&gt;词元。柱条是每一步的损失，即网络赋予目标的概率的 −log：柱条越高，说明这一步越难。语言模型开头几步很难（上下文很少）；观察柱条随学习逐渐变矮。</translation>
    </message>
    <message>
        <source>No predictions yet: train a network whose output has a class for every step ([N, T, K], for example a character language model) and they appear here.</source>
        <translation>还没有预测结果：训练一个在每一步都为每个类别输出结果的网络（[N, T, K]，例如字符级语言模型），预测就会显示在这里。</translation>
    </message>
</context>
<context>
    <name>TrainingCharts</name>
    <message>
        <source>Compare Runs</source>
        <translation>比较运行</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>清除历史</translation>
    </message>
    <message>
        <source>Keep earlier runs as faint lines, named by their settings, to see what changing the learning rate, the optimizer or dropout did</source>
        <translation>将之前的运行保留为淡色曲线，并以其设置命名，以便查看改变学习率、优化器或 Dropout 带来的效果</translation>
    </message>
    <message>
        <source>Forget the earlier runs&apos; lines</source>
        <translation>清除之前运行的曲线</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>How much the training loss is smoothed (an exponential moving average): 0 shows every step as it is, 0.99 shows the long-term trend</source>
        <translation>训练损失的平滑程度（指数移动平均）：0 按原样显示每一步，0.99 显示长期趋势</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis, where late small improvements stay visible</source>
        <translation>在对数坐标轴上显示损失，后期的微小改进依然清晰可见</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save both charts as a picture, or every step and epoch of this run as a table</source>
        <translation>将两张图表保存为图片，或将本次运行的每一步和每一轮保存为表格</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>保存 PNG…</translation>
    </message>
    <message>
        <source>Save both charts as a picture</source>
        <translation>将两张图表保存为图片</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>保存 CSV…</translation>
    </message>
    <message>
        <source>Save every step and epoch of this run as a table for a spreadsheet</source>
        <translation>将本次运行的每一步和每一轮保存为表格，供电子表格使用</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No accuracy for regression&lt;/b&gt;&lt;/p&gt;&lt;p&gt;This network predicts numbers, not classes, so there is nothing to count as right or wrong: the loss on the left measures how far off the predictions are.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;回归没有准确率&lt;/b&gt;&lt;/p&gt;&lt;p&gt;该网络预测的是数值而不是类别，因此无所谓对错：左侧的损失衡量预测值偏离了多少。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Energy distance between 1,000 real points and 1,000 of G&apos;s (fixed noise), after each epoch: 0 when both come from the same distribution, so it falls as G learns.</source>
        <translation>每轮结束后，1,000 个真实点与 G 生成的 1,000 个点（固定噪声）之间的能量距离：两者来自同一分布时为 0，因此随着 G 的学习而下降。</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Could not save the charts to %1: %2</source>
        <translation>无法将图表保存到 %1：%2</translation>
    </message>
    <message>
        <source>nothing to draw</source>
        <translation>没有可绘制的内容</translation>
    </message>
    <message>
        <source>Could not save the metrics to %1: %2</source>
        <translation>无法将指标保存到 %1：%2</translation>
    </message>
    <message>
        <source>Save Charts as PNG</source>
        <translation>将图表保存为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Saved the charts to %1</source>
        <translation>已将图表保存到 %1</translation>
    </message>
    <message>
        <source>Save Metrics as CSV</source>
        <translation>将指标保存为 CSV</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1 steps and %2 epochs to %3</source>
        <translation>已将 %1 步和 %2 轮保存到 %3</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Train the network on the project&apos;s data</source>
        <translation>用项目的数据训练网络</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <source>Train exactly one batch</source>
        <translation>只训练一个批次</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>Stop training and keep the weights trained so far</source>
        <translation>停止训练，保留目前已训练的权重</translation>
    </message>
    <message>
        <source>&amp;Reset Weights</source>
        <translation>重置权重(&amp;R)</translation>
    </message>
    <message>
        <source>Start again from fresh random weights (the project&apos;s seed)</source>
        <translation>从新的随机权重重新开始（使用项目的随机种子）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Train&lt;/b&gt;&lt;p&gt;Trains the network on the project&apos;s data, epoch after epoch, on a worker thread; the charts and views follow it live. The network is read-only until the run stops. Training again continues from the weights trained so far.&lt;/p&gt;</source>
        <translation>&lt;b&gt;训练&lt;/b&gt;&lt;p&gt;在后台线程中用项目的数据一轮接一轮地训练网络；图表和各视图实时跟随。训练停止之前，网络为只读。再次训练会从目前已训练的权重继续。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pause / Resume&lt;/b&gt;&lt;p&gt;Holds the run between two batches, to look at the views; Resume goes on exactly where it stopped.&lt;/p&gt;</source>
        <translation>&lt;b&gt;暂停 / 继续&lt;/b&gt;&lt;p&gt;在两个批次之间暂停训练，便于查看各视图；“继续”会从停下的地方接着训练。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step&lt;/b&gt;&lt;p&gt;Trains exactly one batch: one forward pass, one backward pass and one update of the weights. Use it to watch gradient descent one step at a time.&lt;/p&gt;</source>
        <translation>&lt;b&gt;单步&lt;/b&gt;&lt;p&gt;只训练一个批次：一次前向传播、一次反向传播和一次权重更新。用它一步一步地观察梯度下降。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stop&lt;/b&gt;&lt;p&gt;Ends the run within a batch and keeps the weights trained so far.&lt;/p&gt;</source>
        <translation>&lt;b&gt;停止&lt;/b&gt;&lt;p&gt;在当前批次内结束训练，保留目前已训练的权重。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reset Weights&lt;/b&gt;&lt;p&gt;Starts again from fresh random weights (the project&apos;s seed). With Compare Runs on, the run before stays on the charts as a faint line.&lt;/p&gt;</source>
        <translation>&lt;b&gt;重置权重&lt;/b&gt;&lt;p&gt;从新的随机权重重新开始（使用项目的随机种子）。若开启了“比较运行”，上一次训练会以淡色曲线留在图表上。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Train one step of each: the discriminator, then the generator</source>
        <translation>各训练一步：先训练判别器，再训练生成器</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Weights reset: the network starts from fresh random weights.</source>
        <translation>权重已重置：网络从新的随机权重开始。</translation>
    </message>
    <message>
        <source>Pause or stop training to change a weight.</source>
        <translation>请先暂停或停止训练，再修改权重。</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Exported the trained model to %1</source>
        <translation>已将训练好的模型导出到 %1</translation>
    </message>
    <message>
        <source>Exported %1 with untrained weights: train the network first for a useful model</source>
        <translation>已导出 %1，但权重尚未训练：请先训练网络，才能得到有用的模型</translation>
    </message>
    <message>
        <source>Preparing the data and the network…</source>
        <translation>正在准备数据和网络…</translation>
    </message>
    <message>
        <source>Validation accuracy %1%, loss %2. </source>
        <translation>验证准确率 %1%，损失 %2。</translation>
    </message>
    <message>
        <source>Validation loss %1. </source>
        <translation>验证损失 %1。</translation>
    </message>
    <message>
        <source>Training Diverged</source>
        <translation>训练发散</translation>
    </message>
    <message>
        <source>Cannot Save Weights</source>
        <translation>无法保存权重</translation>
    </message>
    <message>
        <source>Saved the trained weights to %1</source>
        <translation>已将训练好的权重保存到 %1</translation>
    </message>
    <message>
        <source>Train (F5)</source>
        <translation>训练（F5）</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Training is running: stop it to change these settings.</source>
        <translation>正在训练：请先停止训练，再修改这些设置。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>What the network learns from: the data set, its noise and size, and the splits</source>
        <translation>网络从什么数据学习：数据集、噪声和大小，以及数据划分</translation>
    </message>
    <message>
        <source>How it learns: loss, optimizer, batches, epochs, schedule and regularization</source>
        <translation>网络如何学习：损失函数、优化器、批次、轮数、学习率调度和正则化</translation>
    </message>
</context>
<context>
    <name>TrainingSection</name>
    <message>
        <source>Loss and optimizer</source>
        <translation>损失函数和优化器</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Batches and epochs</source>
        <translation>批次和轮数</translation>
    </message>
    <message>
        <source>Full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>Mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>Stochastic (1)</source>
        <translation>随机（1）</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度方式</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>每隔</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>Minimum rate</source>
        <translation>最小学习率</translation>
    </message>
    <message>
        <source>Regularization and run</source>
        <translation>正则化和运行</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Clip norm</source>
        <translation>梯度裁剪范数</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Early stop</source>
        <translation>早停</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>all %1 cores</source>
        <translation>全部 %1 个核心</translation>
    </message>
    <message>
        <source>This data holds numbers to predict (regression): choose MSE, MAE or SmoothL1.</source>
        <translation>这份数据要预测的是数值（回归）：请选择 MSE、MAE 或 SmoothL1。</translation>
    </message>
    <message>
        <source>This data holds classes: choose CrossEntropy (or BinaryCrossEntropy for two classes).</source>
        <translation>这份数据是类别：请选择 CrossEntropy（二分类也可选 BinaryCrossEntropy）。</translation>
    </message>
</context>
<context>
    <name>TrainingStatus</name>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Epoch %1/%2 · batch %3/%4 · %5 samples/s · %6</source>
        <translation>轮 %1/%2 · 批次 %3/%4 · %5 样本/秒 · %6</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>trained weights loaded from %1</source>
        <translation>已从 %1 加载训练好的权重</translation>
    </message>
    <message>
        <source>the saved weights do not fit this network, so it starts fresh (%1)</source>
        <translation>保存的权重与此网络不匹配，因此从头开始（%1）</translation>
    </message>
    <message>
        <source>1 trained tensor kept</source>
        <translation>保留了 1 个训练过的张量</translation>
    </message>
    <message>
        <source>%1 trained tensors kept</source>
        <translation>保留了 %1 个训练过的张量</translation>
    </message>
    <message>
        <source>%1: %2 training and %3 validation samples, %4 parameters</source>
        <translation>%1：%2 个训练样本，%3 个验证样本，%4 个参数</translation>
    </message>
    <message>
        <source>; training continues after epoch %1, step %2</source>
        <translation>；训练从第 %1 轮、第 %2 步之后继续</translation>
    </message>
    <message>
        <source>; the optimizer starts afresh (%1)</source>
        <translation>；优化器重新开始（%1）</translation>
    </message>
    <message>
        <source>Continuing with changes: %1.</source>
        <translation>继续训练，更改如下：%1。</translation>
    </message>
    <message>
        <source>The last run cannot be continued exactly (%1); the optimizer starts afresh.</source>
        <translation>无法精确接续上次运行（%1）；优化器重新开始。</translation>
    </message>
    <message>
        <source>The network cannot be trained until it builds; fix the layers marked red.</source>
        <translation>网络构建成功后才能训练；请修正标红的层。</translation>
    </message>
    <message>
        <source>Stopped by the user in epoch %1 after %2 batches; the weights trained so far are kept.</source>
        <translation>用户在第 %1 轮的 %2 个批次后停止了训练；已训练的权重将保留。</translation>
    </message>
    <message>
        <source>The network is not built, so it has no weights to change.</source>
        <translation>网络尚未构建，因此没有可修改的权重。</translation>
    </message>
    <message>
        <source>The network has no weight %1[%2] any more.</source>
        <translation>网络中已不存在权重 %1[%2]。</translation>
    </message>
    <message>
        <source>The network cannot be exported until it builds and its data loads.</source>
        <translation>网络构建成功且数据加载后才能导出。</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Training stopped at epoch %1, batch %2: the %3 became %4.</source>
        <translation>训练在第 %1 轮第 %2 批停止：%3变成了 %4。</translation>
    </message>
    <message>
        <source>infinite</source>
        <translation>无穷大</translation>
    </message>
    <message>
        <source> The first layer with non-finite values is &apos;%1&apos;.</source>
        <translation>最先出现非有限值的层是“%1”。</translation>
    </message>
    <message>
        <source> The weights from the start of this epoch are restored.</source>
        <translation>已恢复本轮开始时的权重。</translation>
    </message>
    <message>
        <source> The weights of the last good step are kept.</source>
        <translation>保留了最后一个正常步的权重。</translation>
    </message>
    <message>
        <source> Try a lower learning rate (now %1), gradient clipping (clip_norm), or scaling the inputs (standardize). A normalization layer (BatchNorm) after the layer that blew up also helps.</source>
        <translation>可以试试降低学习率（当前为 %1）、梯度裁剪（clip_norm）或缩放输入（standardize）。在数值爆炸的层之后加一个归一化层（BatchNorm）也有帮助。</translation>
    </message>
    <message>
        <source>Trained %1 epochs.</source>
        <translation>已训练 %1 轮。</translation>
    </message>
    <message>
        <source>Stopped early after epoch %1: the validation loss has not improved for %2 epochs. The weights of the best epoch (validation loss %3) are kept.</source>
        <translation>在第 %1 轮后提前停止：验证集损失已有 %2 轮没有改善。保留了最佳一轮的权重（验证集损失 %3）。</translation>
    </message>
    <message>
        <source>Stopped where the lesson&apos;s run ends, in epoch %1 after %2 batches; the weights trained so far are kept.</source>
        <translation>已在课程这次运行的终点停止：第 %1 轮，共 %2 个批次；已训练的权重将保留。</translation>
    </message>
</context>
<context>
    <name>TryItPanel</name>
    <message>
        <source>Try an image</source>
        <translation>试一张图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Drop an image file anywhere on the window, paste one (Edit ▸ Paste Image), or open one: the network says what it sees.</source>
        <translation>将图像文件拖放到窗口任意位置、粘贴一张（编辑 ▸ 粘贴图像），或打开一张：网络会说出它看到了什么。</translation>
    </message>
    <message>
        <source>Open Image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>the pasted image</source>
        <translation>粘贴的图像</translation>
    </message>
    <message>
        <source>%1 is %2 MB, too large for an image to try; use a smaller file.</source>
        <translation>%1 大小为 %2 MB，太大，无法用来试验；请使用较小的文件。</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>The clipboard holds no image to try: copy an image (or an image file) first.</source>
        <translation>剪贴板中没有可试的图像：请先复制一张图像（或一个图像文件）。</translation>
    </message>
    <message>
        <source>Try it needs a network whose Input is an image, [1 or 3 channels, height, width]; this one&apos;s Input is %1. Open an image example such as shapes-cnn.</source>
        <translation>“试一试”需要一个 Input 为图像的网络，即 [1 或 3 个通道, 高, 宽]；此网络的 Input 为 %1。请打开一个图像示例，例如 shapes-cnn。</translation>
    </message>
    <message>
        <source>not valid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>%1 cannot be read as an image: %2</source>
        <translation>无法将 %1 读取为图像：%2</translation>
    </message>
    <message>
        <source>The network is not ready: fix what the status bar names, then try again.</source>
        <translation>网络尚未就绪：请先修正状态栏中指出的问题，然后重试。</translation>
    </message>
    <message>
        <source>The network cannot run yet: %1</source>
        <translation>网络暂时无法运行：%1</translation>
    </message>
    <message>
        <source>As the network sees it: %1</source>
        <translation>网络看到的样子：%1</translation>
    </message>
    <message>
        <source>Predicted: %1</source>
        <translation>预测：%1</translation>
    </message>
    <message>
        <source>The network is not trained yet: these are the guesses of its random starting weights. Press Train, and the picture is tried again after every epoch.</source>
        <translation>网络尚未训练：这些是其随机初始权重给出的猜测。按“训练”后，每轮结束都会重新识别这张图片。</translation>
    </message>
    <message>
        <source>%1×%2 %3, %4 from %5×%6</source>
        <translation>%1×%2 %3，%4 自 %5×%6</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to LayerLab</source>
        <translation>欢迎使用 LayerLab</translation>
    </message>
    <message>
        <source>Start with an empty network</source>
        <translation>从空网络开始</translation>
    </message>
    <message>
        <source>No examples are installed; start with an empty network.</source>
        <translation>没有安装任何示例；请从空网络开始。</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to LayerLab&lt;/h2&gt;&lt;p&gt;Pick an example to start from: it opens ready to train. Press &lt;b&gt;Train&lt;/b&gt; (F5) and watch the network learn; slow it down with &lt;b&gt;Pace&lt;/b&gt; in the tool bar. Or start from an empty network and build your own, or follow a lesson.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;欢迎使用 LayerLab&lt;/h2&gt;&lt;p&gt;选择一个示例作为起点：打开后即可训练。按&lt;b&gt;训练&lt;/b&gt;（F5），观察网络如何学习；可以用工具栏中的&lt;b&gt;速度&lt;/b&gt;让它慢下来。也可以从空网络开始搭建自己的网络，或者跟着课程学习。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Follow a lesson</source>
        <translation>跟着课程学习</translation>
    </message>
    <message>
        <source>The course&apos;s lessons, one for each idea: each opens its example and asks you to predict, then run</source>
        <translation>本课程的各节课，每个概念一节：每节课打开相应的示例，并请你先预测，再运行</translation>
    </message>
</context>
<context>
    <name>datasets</name>
    <message>
        <source>Adding problem: add the two marked values of a long sequence (Hochreiter &amp; Schmidhuber; regression)</source>
        <translation>加法问题：把长序列中两个被标记的值相加（Hochreiter &amp; Schmidhuber；回归）</translation>
    </message>
    <message>
        <source>Breast cancer: 569 tumours, 30 cell-nucleus measurements, malignant or benign (UCI, Wisconsin)</source>
        <translation>乳腺癌：569 个肿瘤，30 项细胞核测量值，分为恶性或良性（UCI，威斯康星）</translation>
    </message>
    <message>
        <source>Circle: a disc of one class inside a ring of the other (2 features, 2 classes)</source>
        <translation>圆形：一类点组成的圆盘，被另一类点组成的圆环包围（2 个特征，2 个类别）</translation>
    </message>
    <message>
        <source>Copy: repeat a sequence of 8 symbols, one class per step</source>
        <translation>复制：重复一个由 8 个符号组成的序列，每步一个类别</translation>
    </message>
    <message>
        <source>Digits: 1797 handwritten digits as 8×8 images with pixels from 0 to 16 (UCI)</source>
        <translation>手写数字：1797 个手写数字，8×8 图像，像素值从 0 到 16（UCI）</translation>
    </message>
    <message>
        <source>Draw your own: the points you paint on the plot, each repeated with jitter (noise) up to the number of samples, for GANs (2 features)</source>
        <translation>自己绘制：你在图上画出的点，每个点加上抖动（噪声）重复，直到达到样本数，用于生成对抗网络（2 个特征）</translation>
    </message>
    <message>
        <source>Fashion-MNIST: 70000 grey 28×28 images of clothing in 10 classes (Zalando Research, MIT licence)</source>
        <translation>Fashion-MNIST：70000 张 28×28 灰度服装图像，共 10 类（Zalando Research，MIT 许可证）</translation>
    </message>
    <message>
        <source>Fortunes: a character language model learns the next character of fortunes-min&apos;s fortunes</source>
        <translation>格言：字符级语言模型学习预测 fortunes-min 格言中的下一个字符</translation>
    </message>
    <message>
        <source>Gaussian: two overlapping round blobs (2 features, 2 classes)</source>
        <translation>高斯：两个相互重叠的圆形点团（2 个特征，2 个类别）</translation>
    </message>
    <message>
        <source>Grid: 25 Gaussians on a 5×5 grid 2 apart, for GANs (2 features, 25 modes)</source>
        <translation>网格：25 个高斯分布排成间距为 2 的 5×5 网格，用于生成对抗网络（2 个特征，25 个模式）</translation>
    </message>
    <message>
        <source>Iris: 150 flowers, 4 measurements in cm, 3 species (Fisher, 1936)</source>
        <translation>鸢尾花：150 朵花，4 项测量值（单位 cm），3 个品种（Fisher，1936）</translation>
    </message>
    <message>
        <source>Line: points along a segment from (−3, −1.5) to (3, 1.5), for GANs (2 features)</source>
        <translation>直线：沿 (−3, −1.5) 到 (3, 1.5) 线段分布的点，用于生成对抗网络（2 个特征）</translation>
    </message>
    <message>
        <source>Moons: two interleaving half circles (2 features, 2 classes)</source>
        <translation>月牙：两个相互交错的半圆（2 个特征，2 个类别）</translation>
    </message>
    <message>
        <source>Plane: y = 0.1·x1 + 0.05·x2 plus noise (2 features, regression)</source>
        <translation>平面：y = 0.1·x1 + 0.05·x2 加噪声（2 个特征，回归）</translation>
    </message>
    <message>
        <source>Reverse: write a sequence of 8 symbols backwards, one class per step</source>
        <translation>反转：把一个由 8 个符号组成的序列倒序写出，每步一个类别</translation>
    </message>
    <message>
        <source>Ring: 8 Gaussians on a circle of radius 2, for GANs (2 features, 8 modes)</source>
        <translation>圆环：半径为 2 的圆上的 8 个高斯分布，用于生成对抗网络（2 个特征，8 个模式）</translation>
    </message>
    <message>
        <source>Shapes: 20000 colour 32×32 images of circles, squares, triangles, stars and crosses in random colours, places, sizes and turns on noisy backgrounds (generated by LayerLab)</source>
        <translation>形状：20000 张 32×32 彩色图像，画有圆形、正方形、三角形、星形和十字，颜色、位置、大小和旋转角度随机，背景带噪声（由 LayerLab 生成）</translation>
    </message>
    <message>
        <source>Sine: y = sin(x) plus noise for x in [-3, 3] (1 feature, regression)</source>
        <translation>正弦：y = sin(x) 加噪声，x 取值于 [-3, 3]（1 个特征，回归）</translation>
    </message>
    <message>
        <source>Sines: forecast a noisy sum of three sine waves from its last T values (regression)</source>
        <translation>正弦叠加：根据最近 T 个值，预测三个正弦波之和加噪声后的序列（回归）</translation>
    </message>
    <message>
        <source>Spiral: two interleaved spirals, hard for a linear model (2 features, 2 classes)</source>
        <translation>螺旋：两条交错的螺旋线，线性模型难以区分（2 个特征，2 个类别）</translation>
    </message>
    <message>
        <source>Which language is this word: 4000 words each of 8 languages from Debian&apos;s word lists (wamerican, wngerman, …)</source>
        <translation>这个词是哪种语言：8 种语言各 4000 个词，取自 Debian 的词表（wamerican、wngerman、…）</translation>
    </message>
    <message>
        <source>Wine: 178 Italian wines, 13 chemical measurements, 3 cultivars (UCI)</source>
        <translation>葡萄酒：178 种意大利葡萄酒，13 项化学测量值，3 个葡萄品种（UCI）</translation>
    </message>
    <message>
        <source>XOR: the class is whether x1 and x2 have the same sign (2 features, 2 classes)</source>
        <translation>异或：类别取决于 x1 与 x2 是否同号（2 个特征，2 个类别）</translation>
    </message>
</context>
<context>
    <name>examples</name>
    <message>
        <source>A GAN learns a ring of 8 Gaussians: the generator turns 2D noise into points, the discriminator tells them from the real ones. A small zero-centred gradient penalty keeps D smooth so that no mode is dropped, and the cosine schedule lets both networks settle at the end.</source>
        <translation>GAN 学习由 8 个高斯分布组成的圆环：生成器把二维噪声变成点，判别器把它们与真实的点区分开。一个较小的零中心梯度惩罚让 D 保持平滑，从而不会丢失任何模式；余弦学习率调度则让两个网络在最后趋于稳定。</translation>
    </message>
    <message>
        <source>A GAN learns to draw 8×8 handwritten digits: the generator turns 16 noise values into 64 pixels, the discriminator tells them from real digits.</source>
        <translation>GAN 学习画 8×8 的手写数字：生成器把 16 个噪声值变成 64 个像素，判别器把它们与真实的数字区分开。</translation>
    </message>
    <message>
        <source>A GAN learns to draw Fashion-MNIST trousers: the generator turns 32 noise values into a 28×28 picture, the discriminator tells them from real photos of trousers.</source>
        <translation>GAN 学习画 Fashion-MNIST 中的裤子：生成器把 32 个噪声值变成一张 28×28 的图片，判别器把它们与真实的裤子照片区分开。</translation>
    </message>
    <message>
        <source>A character language model: an Embedding and an LSTM of 128 units read 64 characters of fortunes-min&apos;s fortunes and, at every step, a Dense layer gives the odds of the next character (its 62 commonest characters, &lt;pad&gt; and &lt;unk&gt;). Once trained, layerlab-cli sample char-language-model --temperature 0.8 writes new text (layerlab-cli train char-language-model --json; see docs/sequences.md).</source>
        <translation>字符级语言模型：一个 Embedding 层和一个 128 单元的 LSTM 读取 fortunes-min 中格言的 64 个字符，并在每一步由一个 Dense 层给出下一个字符的概率（范围是其中最常见的 62 个字符以及 &lt;pad&gt; 和 &lt;unk&gt;）。训练完成后，layerlab-cli sample char-language-model --temperature 0.8 可以写出新的文本（layerlab-cli train char-language-model --json；见 docs/sequences.md）。</translation>
    </message>
    <message>
        <source>Fashion-MNIST clothing images with a 784-256-128-10 ReLU multilayer perceptron.</source>
        <translation>Fashion-MNIST 服装图像，使用 784-256-128-10 的 ReLU 多层感知机。</translation>
    </message>
    <message>
        <source>Fashion-MNIST clothing images with a small convolutional network: two 3×3 convolutions (same padding) with max pooling, then a 128-unit dense layer; the learning rate follows a cosine from 1e-3 to 0 over five epochs.</source>
        <translation>Fashion-MNIST 服装图像，使用小型卷积神经网络：两个 3×3 卷积（same 填充），各接一个最大池化，然后是一个 128 单元的 Dense 层；学习率在五轮内按余弦曲线从 1e-3 降到 0。</translation>
    </message>
    <message>
        <source>Fit a noisy sine curve: regression with mean squared error.</source>
        <translation>拟合带噪声的正弦曲线：用均方误差做回归。</translation>
    </message>
    <message>
        <source>Forecast a noisy sum of three sine waves: an LSTM of 32 units reads the last 50 values and a Dense layer predicts the next one. Compare its test MSE with the naive forecast that repeats the last value (layerlab-cli train sine-forecast-lstm --json; see docs/sequences.md).</source>
        <translation>预测带噪声的三个正弦波之和：一个 32 单元的 LSTM 读取最近的 50 个值，由一个 Dense 层预测下一个值。把它在测试集上的 MSE 与简单重复最后一个值的朴素预测相比较（layerlab-cli train sine-forecast-lstm --json；见 docs/sequences.md）。</translation>
    </message>
    <message>
        <source>Iris flowers: four measurements, three species; a small multilayer perceptron.</source>
        <translation>鸢尾花：四项测量值，三个品种；一个小型多层感知机。</translation>
    </message>
    <message>
        <source>Overfitting: 58 noisy training points of the moons and a network of three 128-unit ReLU layers (about 34,000 weights). It learns the training points by heart: the training loss falls towards 0 while the validation loss turns after about 25 epochs and climbs. Tick Validation points under the decision boundary to see the held-out points its wiggly boundary gets wrong. The cures are the examples overfitting-dropout, overfitting-l2 and overfitting-early-stop.</source>
        <translation>过拟合：两个月牙中只有 58 个带噪声的训练点，网络却有三个 128 单元的 ReLU 层（约 34,000 个权重）。它把训练点死记硬背下来：训练损失降向 0，而验证损失在约 25 轮后掉头上升。在“决策边界”面板中勾选“验证点”，就能看到它弯弯曲曲的边界分错了哪些留出的点。对策见示例 overfitting-dropout、overfitting-l2 和 overfitting-early-stop。</translation>
    </message>
    <message>
        <source>Shapes (32×32 colour images of five shapes) with a 3072-256-128-5 ReLU multilayer perceptron. Every pixel of every position has its own weights, so a shape that moves looks new to it: after 10 epochs it tells about 3 in 10 test images apart (chance is 2 in 10), where shapes-cnn, which slides each small filter over the whole image, gets about 97 in 100. Its learning rate is lower than the CNN&apos;s (3e-4): at 1e-3 it learns nothing at all.</source>
        <translation>Shapes（五种形状的 32×32 彩色图像），使用 3072-256-128-5 的 ReLU 多层感知机。每个位置的每个像素都有自己的权重，所以形状一移动，在它看来就是新的东西：训练 10 轮后，它只能分对约十分之三的测试图像（随机猜测是十分之二），而把每个小滤波器滑过整张图像的 shapes-cnn 能分对约百分之九十七。它的学习率（3e-4）比卷积神经网络的低：用 1e-3 时它什么也学不到。</translation>
    </message>
    <message>
        <source>Shapes (32×32 colour images of five shapes) with the course&apos;s colour-image CNN: Conv 32 → max pool → Conv 64 → max pool → Conv 64 → Dense 64 → Dense 5, all 3×3 convolutions without padding. Each filter looks at a small patch wherever it is, so the network finds a star in any corner and any colour: about 97% of the test images after 10 epochs. Compare it with shapes-mlp, whose dense layers must learn every position separately and stay near chance.</source>
        <translation>Shapes（五种形状的 32×32 彩色图像），使用本课程的彩色图像卷积神经网络：Conv 32 → 最大池化 → Conv 64 → 最大池化 → Conv 64 → Dense 64 → Dense 5，全部是不带填充的 3×3 卷积。每个滤波器都查看一小块图像，不论这块在哪里，所以网络在任何角落、任何颜色下都能找到星形：训练 10 轮后，约 97% 的测试图像分类正确。可与 shapes-mlp 比较：它的全连接层必须分别学习每个位置，准确率一直接近随机猜测。</translation>
    </message>
    <message>
        <source>Six ReLU layers whose weights start as N(0, 1) (init: normal), far too large: every layer multiplies the signal and the gradient by about four, and within a few steps the loss is NaN. Watch the Inside dock&apos;s Gradient flow, then set Training ▸ Clip norm to 1 and train again: the same start now learns.</source>
        <translation>初始权重过大的六个 ReLU 层：权重从 N(0, 1) 开始（init: normal），实在太大了——每一层都把信号和梯度放大约四倍，几步之内损失就变成 NaN。观察“网络内部”面板的“梯度流”，然后把“训练 ▸ 梯度裁剪范数”设为 1 并重新训练：同样的起点现在能学习了。</translation>
    </message>
    <message>
        <source>Ten sigmoid layers on the two moons: on its way back the gradient shrinks about fourfold at every layer, so the first layers barely learn and the loss stays near 0.69, a coin toss. Watch the Inside dock&apos;s Gradient flow, then open vanishing-gradients-fixed: the same network with ReLU and BatchNorm.</source>
        <translation>两个月牙上的十个 sigmoid 层：梯度在反向传播时每经过一层约缩小为四分之一，因此前面几层几乎学不到东西，损失停留在 0.69 附近，相当于抛硬币。观察“网络内部”面板的“梯度流”，然后打开 vanishing-gradients-fixed：同样的网络，改用 ReLU 和 BatchNorm。</translation>
    </message>
    <message>
        <source>The adding problem (Hochreiter &amp; Schmidhuber, T = 50): each step holds a random value and a marker, and the answer is the sum of the two marked values, one of them up to 50 steps back. An LSTM of 32 units keeps the first value in its cell and gets below MSE 0.01; always answering 1 scores 0.167. Open adding-problem-rnn for the same network with a plain RNN (layerlab-cli train adding-problem --json; see docs/sequences.md).</source>
        <translation>加法问题（Hochreiter &amp; Schmidhuber，T = 50）：每一步包含一个随机值和一个标记，答案是两个被标记值之和，其中一个最远可在 50 步之前。一个 32 单元的 LSTM 把第一个值保存在细胞状态中，MSE 降到 0.01 以下；总是回答 1 的得分是 0.167。打开 adding-problem-rnn 可以看到改用普通 RNN 的同一网络（layerlab-cli train adding-problem --json；见 docs/sequences.md）。</translation>
    </message>
    <message>
        <source>The adding problem (T = 50) with a plain RNN of 32 units: its gradient fades over the 50 steps back to the first marked value, so in the same budget as adding-problem&apos;s LSTM it stays near MSE 0.167, the score of always answering 1 (layerlab-cli train adding-problem-rnn --json; see docs/sequences.md).</source>
        <translation>用普通 RNN 解决加法问题（T = 50）：这个 32 单元的 RNN 的梯度在回溯到第一个被标记值的 50 步中逐渐消失，因此在与 adding-problem 的 LSTM 相同的训练量下，它的 MSE 一直停留在 0.167 附近，即总是回答 1 的得分（layerlab-cli train adding-problem-rnn --json；见 docs/sequences.md）。</translation>
    </message>
    <message>
        <source>The overfitting network with L2 regularization (training.l2 = 0.01): large weights cost loss, so the boundary stays smooth. The validation loss keeps falling with the training loss. Compare runs in the window: train overfitting, then open a cure and train it (the charts keep the last runs as faint lines), or read docs/overfitting.md.</source>
        <translation>加上 L2 正则化的过拟合网络（training.l2 = 0.01）：大权重会增加损失，因此边界保持平滑。验证损失随训练损失一起持续下降。在窗口中比较各次运行：先训练 overfitting，再打开一种对策并训练（图表会把最近几次运行保留为淡色曲线），或者阅读 docs/overfitting.md。</translation>
    </message>
    <message>
        <source>The overfitting network with a Dropout of rate 0.5 after each hidden layer: every step trains a random half of the units, so no unit can memorise a point alone. The gap between the validation and the training loss stays far smaller than overfitting&apos;s. Compare runs in the window: train overfitting, then open a cure and train it (the charts keep the last runs as faint lines), or read docs/overfitting.md.</source>
        <translation>加上 Dropout 的过拟合网络：每个隐藏层之后有一个比率为 0.5 的 Dropout，每一步只训练随机的一半单元，因此没有哪个单元能独自记住一个点。验证损失与训练损失之间的差距比 overfitting 小得多。在窗口中比较各次运行：先训练 overfitting，再打开一种对策并训练（图表会把最近几次运行保留为淡色曲线），或者阅读 docs/overfitting.md。</translation>
    </message>
    <message>
        <source>The overfitting network with early stopping (patience 30 epochs): training stops once the validation loss has not improved for 30 epochs, and the weights of the best epoch are kept, from before the network learned the noise. Compare runs in the window: train overfitting, then open a cure and train it (the charts keep the last runs as faint lines), or read docs/overfitting.md.</source>
        <translation>加上早停的过拟合网络（耐心 30 轮）：一旦验证损失连续 30 轮没有改善，训练就停止，并保留最佳一轮的权重，即网络学到噪声之前的权重。在窗口中比较各次运行：先训练 overfitting，再打开一种对策并训练（图表会把最近几次运行保留为淡色曲线），或者阅读 docs/overfitting.md。</translation>
    </message>
    <message>
        <source>The vanishing-gradients network with ReLU instead of sigmoid and a BatchNorm after each layer: the gradient reaches the first layer about as strong as the last, and the moons are told apart within a few epochs. Compare its Gradient flow (Inside dock) with vanishing-gradients&apos;.</source>
        <translation>改用 ReLU 和 BatchNorm 的梯度消失网络：用 ReLU 代替 sigmoid，并在每一层之后加一个 BatchNorm，梯度到达第一层时与最后一层差不多强，几轮之内就能分开两个月牙。把它的“梯度流”（“网络内部”面板）与 vanishing-gradients 的相比较。</translation>
    </message>
    <message>
        <source>Two interleaved spirals: a network with two tanh hidden layers learns a curved decision boundary.</source>
        <translation>两条交错的螺旋：一个有两个 tanh 隐藏层的网络学会弯曲的决策边界。</translation>
    </message>
    <message>
        <source>Two spirals, a small tanh network: open Training ▸ Optimizer Race… and press Start to train it under SGD, momentum, RMSprop and Adam from the same initial weights and data order. Within a minute plain SGD is still stuck near chance while RMSprop and Adam have bent the decision boundary into a spiral; the Loss Surface tab shows their paths.</source>
        <translation>两条螺旋与一个小型 tanh 网络：打开“训练 ▸ 优化器竞赛…”并按“开始”，从相同的初始权重和数据顺序出发，分别用 SGD、Momentum、RMSprop 和 Adam 训练它。不到一分钟，普通 SGD 仍停在随机猜测附近，而 RMSprop 和 Adam 已把决策边界弯成了螺旋；“损失曲面”标签页显示它们的路径。</translation>
    </message>
    <message>
        <source>Which language is this word, read by self-attention: each letter&apos;s vector plus its position (PositionalEncoding) looks at every other letter of the word through four heads of softmax(QKᵀ/√d)·V, the result is added back (a residual) and normalised, a Dense layer works on each letter, the mean over the real letters pools the word and a last Dense layer names the language (layerlab-cli train word-language-attention --json; see docs/sequences.md).</source>
        <translation>用自注意力判断单词的语言：每个字母的向量加上它的位置（PositionalEncoding），通过四个 softmax(QKᵀ/√d)·V 注意力头查看该词的每个其他字母，结果加回原向量（残差连接）并归一化，一个 Dense 层分别处理每个字母，对真实字母取平均得到整个词的表示，最后一个 Dense 层给出语言（layerlab-cli train word-language-attention --json；见 docs/sequences.md）。</translation>
    </message>
    <message>
        <source>Which language is this word? Each letter becomes a learnt vector of 32 numbers (Embedding), a GRU of 128 units reads them one by one and a Dense layer names one of eight languages. The token ids also reach the GRU, so the padding after a short word neither changes its state nor counts. About 85% of unseen words after 10 epochs (Adam at 0.002, a cosine schedule and a small L2 penalty; with the PyTorch twin&apos;s settings, Adam at 0.001 for 8 epochs, about 84%): layerlab-cli train word-language-gru --json; see docs/sequences.md.</source>
        <translation>用 GRU 判断单词的语言：每个字母变成一个学到的 32 维向量（Embedding），一个 128 单元的 GRU 逐个读取它们，再由一个 Dense 层给出八种语言之一。词元 id 也会传给 GRU，因此短词后面的填充既不改变它的状态，也不计入结果。训练 10 轮后，对没见过的单词准确率约 85%（Adam 学习率 0.002，余弦调度，外加一个小的 L2 惩罚；若用 PyTorch 对应版本的设置，即 Adam 学习率 0.001 训练 8 轮，约为 84%）：layerlab-cli train word-language-gru --json；见 docs/sequences.md。</translation>
    </message>
</context>
<context>
    <name>ganstatus</name>
    <message>
        <source>Generator: %1 gives %2 but the real data is %3; make %1 give %4 values (%5 is the real-data node).</source>
        <translation>生成器：%1 输出 %2，但真实数据为 %3；请让 %1 输出 %4 个值（%5 是真实数据节点）。</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>Discriminator</source>
        <translation>判别器</translation>
    </message>
    <message>
        <source>%1 is in neither frame; drag it into the Generator or the Discriminator frame.</source>
        <translation>%1 不在任何一个框中；请把它拖入“生成器”框或“判别器”框。</translation>
    </message>
    <message>
        <source>%1: the wire from %2 comes from the %3 frame; G&apos;s samples reach D through the trainer, not a wire. Delete the connection.</source>
        <translation>%1：来自 %2 的连线出自“%3”框；G 的样本通过训练器送到 D，而不是通过连线。请删除这条连接。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>makegan</name>
    <message>
        <source>Make this a GAN</source>
        <translation>将此项目转为 GAN</translation>
    </message>
</context>
<context>
    <name>nn</name>
    <message>
        <source>A step sees only itself and earlier steps (for predicting the next)</source>
        <translation>每一步只能看到自身和之前的步（用于预测下一步）</translation>
    </message>
    <message>
        <source>AMSGrad: divides by the largest mean squared gradient seen so far, so steps never grow because gradients shrank.</source>
        <translation>AMSGrad：除以迄今出现过的最大梯度均方值，因此步长不会因梯度变小而变大。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Adagrad: weights with large past gradients take smaller steps; the steps shrink as training goes on.</source>
        <translation>Adagrad：过去梯度大的权重步长更小；随着训练进行，步长不断缩小。</translation>
    </message>
    <message>
        <source>Adam: momentum plus a per-weight step size from the recent gradient sizes; a good first choice.</source>
        <translation>Adam：动量，外加按近期梯度大小为每个权重单独确定的步长；适合作为首选。</translation>
    </message>
    <message>
        <source>AdamW: Adam whose weight decay shrinks the weights directly; usually generalises better than Adam.</source>
        <translation>AdamW：权重衰减直接缩小权重的 Adam；泛化通常优于 Adam。</translation>
    </message>
    <message>
        <source>Add a learnable bias b to each output</source>
        <translation>为每个输出加上可学习的偏置 b</translation>
    </message>
    <message>
        <source>Add a learnable bias to each output channel</source>
        <translation>为每个输出通道加上可学习的偏置</translation>
    </message>
    <message>
        <source>Add: sums its inputs value by value; the join of a residual (skip) connection.</source>
        <translation>Add：将各输入逐元素相加；用作残差（跳跃）连接的汇合点。</translation>
    </message>
    <message>
        <source>Added to the divisor so that it is never 0.</source>
        <translation>加到除数上，使其永不为 0。</translation>
    </message>
    <message>
        <source>Added to the variance before its square root, so a constant channel never divides by zero</source>
        <translation>在对方差开平方之前加上，使取值恒定的通道也不会除以零</translation>
    </message>
    <message>
        <source>Added to the variance before its square root, so a constant sample never divides by zero</source>
        <translation>在对方差开平方之前加上，使取值恒定的样本也不会除以零</translation>
    </message>
    <message>
        <source>Adds L1 × the sum of |w| to the loss: pushes unneeded weights to exactly 0 (try 1e-4).</source>
        <translation>把 L1 × |w| 之和加到损失上：把不需要的权重压到正好为 0（可试 1e-4）。</translation>
    </message>
    <message>
        <source>Adds L2 × the sum of w² to the loss: keeps weights small against overfitting (try 1e-4).</source>
        <translation>把 L2 × w² 之和加到损失上：让权重保持较小，防止过拟合（可试 1e-4）。</translation>
    </message>
    <message>
        <source>Adds this times each weight to its gradient (L2), pulling weights towards 0.</source>
        <translation>把该值乘以每个权重后加到其梯度上（L2），将权重拉向 0。</translation>
    </message>
    <message>
        <source>Also read the sequence backwards and output both states side by side (2·H units)</source>
        <translation>同时反向读取序列，并将两个方向的状态并排输出（2·H 个单元）</translation>
    </message>
    <message>
        <source>Attention heads; the model dimension must divide by it</source>
        <translation>注意力头数；模型维度必须能被它整除</translation>
    </message>
    <message>
        <source>AvgPool2D: replaces each window of every channel by its average, so a 2×2 window halves H and W while every value still contributes.</source>
        <translation>AvgPool2D：把每个通道的每个窗口替换为其平均值，因此 2×2 窗口使 H 和 W 减半，同时每个值都仍有贡献。</translation>
    </message>
    <message>
        <source>Axis to cut along, counting the batch as 0: 1 for channels of [N, C, H, W], -1 for the last</source>
        <translation>沿哪个轴切分，批次维记为 0：[N, C, H, W] 的通道轴为 1，最后一个轴为 -1</translation>
    </message>
    <message>
        <source>Axis to join along, counting the batch as 0: 1 for channels of [N, C, H, W], -1 for the last</source>
        <translation>沿哪个轴拼接，批次维记为 0：[N, C, H, W] 的通道轴为 1，最后一个轴为 -1</translation>
    </message>
    <message>
        <source>BatchNorm: normalises each channel with the batch&apos;s mean and variance, keeping each layer&apos;s inputs centred and scaled so deeper networks train faster; behaves differently in training and evaluation.</source>
        <translation>BatchNorm：用批次的均值和方差对每个通道做归一化，使各层的输入保持居中且尺度适当，从而让更深的网络训练得更快；训练和评估时的行为不同。</translation>
    </message>
    <message>
        <source>Binary cross-entropy: for yes/no targets; each output is a score turned into a probability by a sigmoid.</source>
        <translation>二元交叉熵：用于是/否目标；每个输出是一个分数，经 sigmoid 转为概率。</translation>
    </message>
    <message>
        <source>Border added on every side of the image, at most kernel_size / 2</source>
        <translation>在图像每一边添加的边框宽度，最多为 kernel_size / 2</translation>
    </message>
    <message>
        <source>Classification learns classes (labels); regression learns numbers.</source>
        <translation>classification（分类）学习类别（标签）；regression（回归）学习数值。</translation>
    </message>
    <message>
        <source>Concat: joins its inputs side by side along one axis, e.g. [N, 3] and [N, 5] → [N, 8].</source>
        <translation>Concat：沿一个轴把各输入并排拼接，例如 [N, 3] 和 [N, 5] → [N, 8]。</translation>
    </message>
    <message>
        <source>Constant keeps the optimizer&apos;s rate; step multiplies it by gamma every few epochs; cosine lowers it smoothly to the minimum by the last epoch.</source>
        <translation>constant 保持优化器的学习率不变；step 每隔几轮将其乘以 gamma；cosine 将其平滑降低，到最后一轮时降到最小值。</translation>
    </message>
    <message>
        <source>Conv2D: slides small learned filters over an image; each filter finds one pattern (an edge, a texture) wherever it appears.</source>
        <translation>Conv2D：让学到的小滤波器在图像上滑动；每个滤波器找出一种模式（一条边缘、一种纹理），无论它出现在何处。</translation>
    </message>
    <message>
        <source>ConvTranspose2D: a learned upsampling; each input pixel paints a filter-sized patch, so kernel 4, stride 2, padding 1 doubles height and width (GAN generators, decoders).</source>
        <translation>ConvTranspose2D：可学习的上采样；每个输入像素绘出一块滤波器大小的区域，因此卷积核 4、步幅 2、填充 1 会使高和宽翻倍（用于 GAN 生成器、解码器）。</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>核心</translation>
    </message>
    <message>
        <source>Count the padded zeros when averaging a window at the border; off divides by the real values only</source>
        <translation>在边缘窗口求平均时把填充的零计算在内；关闭时只除以真实值的个数</translation>
    </message>
    <message>
        <source>Cross-entropy: for picking one class of several; the outputs are class scores turned into probabilities by a softmax.</source>
        <translation>交叉熵：用于从多个类别中选出一个；输出是各类别的分数，经 softmax 转为概率。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Dense: every output is a weighted sum of all inputs plus a bias, y = f(Wx + b).</source>
        <translation>Dense：每个输出都是全部输入的加权和再加上偏置，y = f(Wx + b)。</translation>
    </message>
    <message>
        <source>Divides by the gradient&apos;s variance instead of its mean square.</source>
        <translation>除以梯度的方差，而不是梯度的均方值。</translation>
    </message>
    <message>
        <source>Divides the learning rate by 1 + steps × this, so later steps are smaller.</source>
        <translation>把学习率除以 1 + 步数 × 该值，使后面的步更小。</translation>
    </message>
    <message>
        <source>Dropout: while training, randomly zeroes a fraction of the values so the network cannot rely on any one; a cure for overfitting.</source>
        <translation>Dropout（随机失活）：训练时随机把一部分值置零，使网络无法依赖其中任何一个；用于对抗过拟合。</translation>
    </message>
    <message>
        <source>Drops this share of the attention weights while training</source>
        <translation>训练时按此比例丢弃注意力权重</translation>
    </message>
    <message>
        <source>ELU: x above zero, alpha·(eˣ − 1) below; a smooth ReLU whose outputs centre near zero.</source>
        <translation>ELU：大于零时为 x，小于零时为 alpha·(eˣ − 1)；一种平滑的 ReLU，输出以零附近为中心。</translation>
    </message>
    <message>
        <source>Embedding: turns each token id into a learned vector, [N, T] ids → [N, T, dimension].</source>
        <translation>Embedding：把每个词元 id 变成一个学到的向量，[N, T] 个 id → [N, T, dimension]。</translation>
    </message>
    <message>
        <source>Epochs between two decays.</source>
        <translation>两次衰减之间相隔的轮数。</translation>
    </message>
    <message>
        <source>Extra rows and columns on the bottom and right, to reach an odd size; must be less than stride or dilation</source>
        <translation>在底部和右侧额外添加的行和列，用于得到奇数尺寸；必须小于步幅或膨胀率</translation>
    </message>
    <message>
        <source>Flatten: lays each sample out as one row, [N, C, H, W] → [N, C·H·W]; put it before Dense.</source>
        <translation>Flatten：把每个样本展开成一行，[N, C, H, W] → [N, C·H·W]；放在 Dense 之前。</translation>
    </message>
    <message>
        <source>For the other losses, λ of a zero-centred gradient penalty: D&apos;s gradient is pulled towards 0 between real and fake samples, which keeps D smooth so that G&apos;s samples are drawn to every mode (0: none).</source>
        <translation>其他损失所用的零中心梯度惩罚系数 λ：在真实样本与假样本之间把 D 的梯度拉向 0，使 D 保持平滑，从而让 G 的样本被引向每一个模态（0：不使用）。</translation>
    </message>
    <message>
        <source>Full batch: one step per epoch over all samples (gradient descent). Mini-batch: a step per batch of this size. Stochastic: a step per sample.</source>
        <translation>full（批量）：每轮用全部样本只走一步（梯度下降）。minibatch（小批量）：每个此大小的批次走一步。stochastic（随机）：每个样本走一步。</translation>
    </message>
    <message>
        <source>Function applied to each output value: relu for hidden layers</source>
        <translation>作用于每个输出值的函数：隐藏层用 relu</translation>
    </message>
    <message>
        <source>Function applied to each output: relu for hidden layers, linear before a loss</source>
        <translation>作用于每个输出的函数：隐藏层用 relu，损失之前用 linear</translation>
    </message>
    <message>
        <source>GAN</source>
        <translation>GAN</translation>
    </message>
    <message>
        <source>GELU: x·Φ(x), a smooth ReLU; the activation of transformers.</source>
        <translation>GELU：x·Φ(x)，一种平滑的 ReLU；Transformer 所用的激活函数。</translation>
    </message>
    <message>
        <source>GRU: a recurrent layer whose reset and update gates decide what the state keeps, step by step.</source>
        <translation>GRU：一种循环层，由重置门和更新门逐步决定状态保留什么。</translation>
    </message>
    <message>
        <source>GlobalAveragePool: averages each channel over the whole image, [N, C, H, W] → [N, C]; use it instead of Flatten before the classifier, with far fewer weights.</source>
        <translation>GlobalAveragePool：对每个通道在整幅图像上求平均，[N, C, H, W] → [N, C]；可在分类器之前代替 Flatten，权重少得多。</translation>
    </message>
    <message>
        <source>How a folder&apos;s images are fitted to the Input&apos;s size: stretch distorts them, crop cuts the ends of the longer side, pad adds black bars along the shorter side.</source>
        <translation>文件夹中的图像如何适配 Input 的尺寸：stretch 拉伸变形，crop 裁掉长边的两端，pad 沿短边补黑边。</translation>
    </message>
    <message>
        <source>How a generative adversarial network&apos;s generator and discriminator train against each other.</source>
        <translation>生成对抗网络的生成器与判别器如何相互对抗地训练。</translation>
    </message>
    <message>
        <source>How fast the running mean and variance used in evaluation follow the training batches: running = (1 − momentum)·running + momentum·batch</source>
        <translation>评估时所用的滑动均值和方差跟随训练批次变化的快慢：running = (1 − momentum)·running + momentum·batch</translation>
    </message>
    <message>
        <source>How input features are rescaled, fitted on the training split only.</source>
        <translation>输入特征的缩放方式，仅在训练集上拟合。</translation>
    </message>
    <message>
        <source>How many CPU cores train; 0 uses all of them.</source>
        <translation>用于训练的 CPU 核心数；0 表示全部使用。</translation>
    </message>
    <message>
        <source>How many different ids there are; ids run from 0 to vocabulary_size − 1</source>
        <translation>不同 id 的个数；id 取值从 0 到 vocabulary_size − 1</translation>
    </message>
    <message>
        <source>How many equal parts, one output port each</source>
        <translation>均分成几份，每份一个输出端口</translation>
    </message>
    <message>
        <source>How many of the last axes share one mean and variance: 0 for the whole sample, 1 for each position of a sequence [N, T, F] (a Transformer&apos;s LayerNorm); PyTorch&apos;s normalized_shape is then the input&apos;s last that many sizes</source>
        <translation>最后几个轴共用一组均值和方差：0 表示整个样本，1 表示序列 [N, T, F] 的每个位置（Transformer 中的 LayerNorm）；此时 PyTorch 的 normalized_shape 就是输入最后这几个维度的大小</translation>
    </message>
    <message>
        <source>How many points to generate (split into training, validation and test).</source>
        <translation>要生成的数据点数（划分为训练集、验证集和测试集）。</translation>
    </message>
    <message>
        <source>How many times larger H and W become; 2 doubles them</source>
        <translation>H 和 W 放大的倍数；2 表示翻倍</translation>
    </message>
    <message>
        <source>How many times training goes through all training samples.</source>
        <translation>训练遍历全部训练样本的次数。</translation>
    </message>
    <message>
        <source>How much random jitter the generated points get.</source>
        <translation>生成的数据点所加随机抖动的大小。</translation>
    </message>
    <message>
        <source>How text becomes ids: one per character, or one per word (split at spaces).</source>
        <translation>文本如何变成 id：每个字符一个（characters），或每个词一个（words，按空格切分）。</translation>
    </message>
    <message>
        <source>How the weights start; auto picks he_uniform for ReLU-like activations, xavier_uniform otherwise. Biases start at zero.</source>
        <translation>权重的初始化方式；auto 对类 ReLU 激活函数选用 he_uniform，否则选用 xavier_uniform。偏置初始为零。</translation>
    </message>
    <message>
        <source>Input/Output</source>
        <translation>输入/输出</translation>
    </message>
    <message>
        <source>Input: where the data enters; its shape is one sample&apos;s, without the batch.</source>
        <translation>Input：数据进入网络的地方；其形状是单个样本的形状，不含批次维。</translation>
    </message>
    <message>
        <source>Keeps only the most frequent tokens, &lt;pad&gt; and &lt;unk&gt; included (0: no limit).</source>
        <translation>只保留最常见的词元，包括 &lt;pad&gt; 和 &lt;unk&gt;（0：不限）。</translation>
    </message>
    <message>
        <source>LSTM: a recurrent layer with a cell state and input, forget and output gates; remembers across long sequences.</source>
        <translation>LSTM：带有细胞状态以及输入门、遗忘门和输出门的循环层；能在长序列中保持记忆。</translation>
    </message>
    <message>
        <source>LayerNorm: normalises each sample (or each position of a sequence) over its values, keeping each layer&apos;s inputs centred and scaled so deeper networks train faster; works on any batch size, the same in training and evaluation.</source>
        <translation>LayerNorm：在每个样本（或序列的每个位置）的全部值上做归一化，使各层的输入保持居中且尺度适当，从而让更深的网络训练得更快；适用于任意批次大小，训练和评估时行为相同。</translation>
    </message>
    <message>
        <source>LeakyReLU: x above zero, a small slope times x below; a ReLU that never goes silent.</source>
        <translation>LeakyReLU：大于零时为 x，小于零时为一个小斜率乘以 x；一种永不“沉默”的 ReLU。</translation>
    </message>
    <message>
        <source>Learn a scale γ and a shift β for every value of a sample, applied after normalising</source>
        <translation>为样本的每个值学习缩放 γ 和平移 β，在归一化之后应用</translation>
    </message>
    <message>
        <source>Learn a scale γ and a shift β per channel, applied after normalising</source>
        <translation>为每个通道学习缩放 γ 和平移 β，在归一化之后应用</translation>
    </message>
    <message>
        <source>Learning rate: how far each step moves the weights.</source>
        <translation>学习率：每一步让权重移动多远。</translation>
    </message>
    <message>
        <source>Length of each token&apos;s vector</source>
        <translation>每个词元向量的长度</translation>
    </message>
    <message>
        <source>Linear: passes every value through unchanged (the identity).</source>
        <translation>Linear：让每个值原样通过（恒等函数）。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Makes each training image darker or brighter: its pixels are multiplied by a random factor within 1 ± this.</source>
        <translation>让每张训练图像变暗或变亮：其像素乘以 1 ± 该值范围内的一个随机因子。</translation>
    </message>
    <message>
        <source>MaxPool2D: keeps the largest value in each window of every channel, so a 2×2 window halves H and W and a feature may shift a little without changing the output.</source>
        <translation>MaxPool2D：保留每个通道中每个窗口的最大值，因此 2×2 窗口使 H 和 W 减半，特征稍微移动也不会改变输出。</translation>
    </message>
    <message>
        <source>Mean absolute error: the average of |output − target|; outliers count less than in MSE.</source>
        <translation>平均绝对误差：|output − target| 的平均值；离群值的影响比在 MSE 中小。</translation>
    </message>
    <message>
        <source>Mean squared error: the average of (output − target)²; big misses cost a lot.</source>
        <translation>均方误差：(output − target)² 的平均值；偏差大时代价很高。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Minimax: G minimises log(1 − D(G(z))), the original game, whose gradient vanishes early on. Non-saturating: G maximises log D(G(z)) instead. Least-squares (LSGAN): squared distances to the labels. Wasserstein-GP: D is a critic scoring realness, kept 1-Lipschitz by a gradient penalty.</source>
        <translation>Minimax：G 最小化 log(1 − D(G(z)))，即原始的博弈，其梯度在训练初期会消失。Non-saturating：G 改为最大化 log D(G(z))。Least-squares（LSGAN）：使用到标签的平方距离。Wasserstein-GP：D 是为真实程度打分的评论器（critic），由梯度惩罚保持 1-Lipschitz。</translation>
    </message>
    <message>
        <source>Mirrors half of the training images left to right, anew every epoch (for pictures whose class does not depend on left and right).</source>
        <translation>每轮重新随机选取一半训练图像做左右镜像（适用于类别与左右无关的图片）。</translation>
    </message>
    <message>
        <source>Mirrors half of the training images upside down, anew every epoch (for pictures without an up, such as shapes or cells).</source>
        <translation>每轮重新随机选取一半训练图像做上下翻转（适用于没有上下之分的图片，如形状或细胞）。</translation>
    </message>
    <message>
        <source>Misses smaller than this are squared, larger ones count linearly; 0 gives MAE.</source>
        <translation>小于该值的偏差取平方，更大的偏差按线性计；0 即为 MAE。</translation>
    </message>
    <message>
        <source>MultiHeadAttention: each step looks at every step it may see, softmax(QKᵀ/√d)·V, in several heads.</source>
        <translation>MultiHeadAttention：每一步关注它能看到的所有步，softmax(QKᵀ/√d)·V，分多个头进行。</translation>
    </message>
    <message>
        <source>Nesterov momentum: looks ahead along the momentum before stepping; needs momentum.</source>
        <translation>Nesterov 动量：迈步之前先沿动量方向向前看；需要设置动量。</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>Number of output channels: one learned filter each</source>
        <translation>输出通道数：每个通道对应一个学到的滤波器</translation>
    </message>
    <message>
        <source>Number of outputs (neurons) of the layer</source>
        <translation>该层的输出（神经元）个数</translation>
    </message>
    <message>
        <source>One-sided label smoothing: D learns to say 1 − this (such as 0.1) for real samples, and still 0 for fakes, so it grows less overconfident.</source>
        <translation>单侧标签平滑：D 对真实样本学习输出 1 − 该值（如 0.1），对假样本仍输出 0，从而不那么过度自信。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Output the state of every step [N, T, H] (for another recurrent layer or per-token outputs) instead of the last one [N, H]</source>
        <translation>输出每一步的状态 [N, T, H]（供下一个循环层或逐词元输出使用），而不只是最后一步的 [N, H]</translation>
    </message>
    <message>
        <source>PositionalEncoding: adds each step&apos;s position to its vector, so attention can tell the order.</source>
        <translation>PositionalEncoding：把每一步的位置加到其向量上，使注意力能分辨先后顺序。</translation>
    </message>
    <message>
        <source>Probability that a value is dropped while training; 0.2 to 0.5 is usual</source>
        <translation>训练时每个值被丢弃的概率；通常取 0.2 到 0.5</translation>
    </message>
    <message>
        <source>RMSprop: divides each weight&apos;s step by the recent size of its gradients, so all weights learn evenly.</source>
        <translation>RMSprop：把每个权重的步长除以其近期梯度的大小，使所有权重学得同样均衡。</translation>
    </message>
    <message>
        <source>Random crops: pads each training image with this many black pixels all round and cuts an image of the original size out of it at a random place.</source>
        <translation>随机裁剪：在每张训练图像四周填充这么多个黑色像素，再在随机位置从中裁出原始大小的图像。</translation>
    </message>
    <message>
        <source>ReLU: max(0, x); the default for hidden layers.</source>
        <translation>ReLU：max(0, x)；隐藏层的默认选择。</translation>
    </message>
    <message>
        <source>Rescales the gradients when their overall length exceeds this; against exploding gradients.</source>
        <translation>当梯度的整体长度超过该值时将其缩放；用于防止梯度爆炸。</translation>
    </message>
    <message>
        <source>Reshape: arranges each sample&apos;s values in a new shape, such as [784] → [1, 28, 28].</source>
        <translation>Reshape：把每个样本的值排成新的形状，例如 [784] → [1, 28, 28]。</translation>
    </message>
    <message>
        <source>Rows and columns trimmed from every side of the output</source>
        <translation>从输出每一边裁掉的行数和列数</translation>
    </message>
    <message>
        <source>Samples per mini-batch.</source>
        <translation>每个小批量的样本数。</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>SequencePooling: one vector per sequence, the mean of its steps or its last step, [N, T, F] → [N, F].</source>
        <translation>SequencePooling：每个序列得到一个向量，即各步的平均或最后一步，[N, T, F] → [N, F]。</translation>
    </message>
    <message>
        <source>Shape of one sample without the batch: [2], [784], [1, 28, 28]</source>
        <translation>单个样本的形状（不含批次维）：[2]、[784]、[1, 28, 28]</translation>
    </message>
    <message>
        <source>Shape of one sample without the batch; one entry may be -1 to take whatever is left: [1, 28, 28], [-1]</source>
        <translation>单个样本的形状（不含批次维）；可有一项为 -1，表示取剩下的全部：[1, 28, 28]、[-1]</translation>
    </message>
    <message>
        <source>Share of the data kept aside for the final test (sets with their own test set ignore it).</source>
        <translation>留作最终测试的数据比例（自带测试集的数据集会忽略此项）。</translation>
    </message>
    <message>
        <source>Share of the previous step carried into the next one (0.9 is usual; 0: none).</source>
        <translation>上一步带入下一步的比例（通常为 0.9；0：不使用）。</translation>
    </message>
    <message>
        <source>Share of the previous step carried into the next one.</source>
        <translation>上一步带入下一步的比例。</translation>
    </message>
    <message>
        <source>Share of the training data held out to check the network on data it never learns from.</source>
        <translation>从训练数据中留出的比例，用于在网络从未学过的数据上检验它。</translation>
    </message>
    <message>
        <source>Shrinks each weight by lr × this every step, pulling weights towards 0.</source>
        <translation>每一步把每个权重缩小 lr × 该值，将权重拉向 0。</translation>
    </message>
    <message>
        <source>Shrinks how much each new gradient adds to the momentum.</source>
        <translation>减小每个新梯度对动量的贡献。</translation>
    </message>
    <message>
        <source>Shuffles the training samples before every epoch.</source>
        <translation>每轮开始前打乱训练样本。</translation>
    </message>
    <message>
        <source>Side of the square window each filter looks through</source>
        <translation>每个滤波器观察的正方形窗口的边长</translation>
    </message>
    <message>
        <source>Side of the square window each output looks at: 2 or 3</source>
        <translation>每个输出观察的正方形窗口的边长：2 或 3</translation>
    </message>
    <message>
        <source>Sigmoid: 1 / (1 + e⁻ˣ) squashes to (0, 1); for yes/no probabilities.</source>
        <translation>Sigmoid：1 / (1 + e⁻ˣ) 将值压缩到 (0, 1)；用于是/否的概率。</translation>
    </message>
    <message>
        <source>SimpleRNN: h_t = tanh(W·[h_{t−1}, x_t] + b), the plain recurrent layer.</source>
        <translation>SimpleRNN：h_t = tanh(W·[h_{t−1}, x_t] + b)，最基本的循环层。</translation>
    </message>
    <message>
        <source>Slides each training image by up to this many pixels in each direction, repeating its edge: the network learns that position does not matter.</source>
        <translation>把每张训练图像向各方向平移至多这么多个像素，并重复边缘像素填充：让网络学到位置无关紧要。</translation>
    </message>
    <message>
        <source>Slope for negative inputs</source>
        <translation>负输入的斜率</translation>
    </message>
    <message>
        <source>Smooth L1 (Huber): squared error for small misses, absolute error for big ones.</source>
        <translation>Smooth L1（Huber）：偏差小时用平方误差，偏差大时用绝对误差。</translation>
    </message>
    <message>
        <source>Smoothing of the mean gradient (the momentum): closer to 1 remembers longer.</source>
        <translation>梯度均值（即动量）的平滑系数：越接近 1 记忆越久。</translation>
    </message>
    <message>
        <source>Smoothing of the mean squared gradient: closer to 1 remembers longer.</source>
        <translation>梯度均方值的平滑系数：越接近 1 记忆越久。</translation>
    </message>
    <message>
        <source>Softmax: turns the last dimension into probabilities that sum to 1; for class outputs.</source>
        <translation>Softmax：把最后一维变成和为 1 的概率；用于类别输出。</translation>
    </message>
    <message>
        <source>Spacing between the kernel&apos;s taps; 2 sees a wider area with the same weights</source>
        <translation>卷积核各采样点之间的间隔；取 2 时用同样的权重看到更大的区域</translation>
    </message>
    <message>
        <source>Spacing of the painted patches; 2 doubles the size</source>
        <translation>绘制的图块之间的间隔；取 2 时尺寸加倍</translation>
    </message>
    <message>
        <source>Split channels into this many independent groups; equal to the channels makes a depthwise convolution</source>
        <translation>把通道分成这么多个独立的组；等于通道数时即为深度卷积（depthwise）</translation>
    </message>
    <message>
        <source>Split: cuts its input into equal parts along one axis, one output each, e.g. [N, 8] → [N, 4] and [N, 4]; the inverse of Concat.</source>
        <translation>Split：沿一个轴把输入切成相等的几份，每份一个输出，例如 [N, 8] → [N, 4] 和 [N, 4]；是 Concat 的逆操作。</translation>
    </message>
    <message>
        <source>Spreads this share of every target over all classes, so the network is not pushed towards total certainty.</source>
        <translation>把每个目标的这一比例平摊到所有类别上，使网络不会被推向完全确定。</translation>
    </message>
    <message>
        <source>Starting value of every sum of squared gradients; larger makes the first steps smaller.</source>
        <translation>每个梯度平方和的初始值；越大，最初几步越小。</translation>
    </message>
    <message>
        <source>Starts the random numbers (weights, shuffling, splits, dropout): the same seed gives the same run.</source>
        <translation>随机数的起点（权重、打乱、划分、Dropout）：相同的种子得到相同的运行结果。</translation>
    </message>
    <message>
        <source>Step between positions; 2 halves the height and width</source>
        <translation>相邻位置之间的步长；取 2 时高度和宽度减半</translation>
    </message>
    <message>
        <source>Step between windows; 0 means the kernel size, so windows do not overlap</source>
        <translation>相邻窗口之间的步长；0 表示等于核大小，窗口互不重叠</translation>
    </message>
    <message>
        <source>Stochastic gradient descent: steps every weight against its gradient, optionally with momentum.</source>
        <translation>随机梯度下降：让每个权重沿梯度的反方向走一步，可选加动量。</translation>
    </message>
    <message>
        <source>Stops after this many epochs without a better validation loss.</source>
        <translation>验证损失连续这么多轮没有改善就停止训练。</translation>
    </message>
    <message>
        <source>T, the steps per sample: texts are padded or cut to it, a language model or a time series reads windows of it, and the adding, copy and reverse tasks are this long (0: the set&apos;s own, such as 16 for words and 50 for the adding problem).</source>
        <translation>T，每个样本的步数：文本被填充或截断到这个长度，语言模型和时间序列按这个长度的窗口读取，加法、复制和反转任务也是这个长度（0：使用数据集自己的长度，例如单词为 16，加法问题为 50）。</translation>
    </message>
    <message>
        <source>Tanh: squashes to (−1, 1), centred on zero; classic in recurrent networks.</source>
        <translation>Tanh：压缩到 (−1, 1)，以零为中心；循环神经网络中的经典选择。</translation>
    </message>
    <message>
        <source>The factor the rate is multiplied by at each decay (more than 0, at most 1).</source>
        <translation>每次衰减时学习率所乘的因子（大于 0，至多为 1）。</translation>
    </message>
    <message>
        <source>The generator&apos;s input z: normal draws each value from N(0, 1), uniform from [-1, 1].</source>
        <translation>生成器的输入 z：normal 从 N(0, 1) 中抽取每个值，uniform 从 [-1, 1] 中抽取。</translation>
    </message>
    <message>
        <source>The id that marks padding (usually 0): its vector stays zero and never learns; −1 for none</source>
        <translation>标记填充的 id（通常为 0）：它的向量保持为零，从不学习；−1 表示没有</translation>
    </message>
    <message>
        <source>The longest sequence a learned encoding has positions for</source>
        <translation>可学习编码所能容纳的最长序列</translation>
    </message>
    <message>
        <source>The rate reached at the last epoch, such as 0 or 1e-5.</source>
        <translation>最后一轮达到的学习率，例如 0 或 1e-5。</translation>
    </message>
    <message>
        <source>The settings of a run besides the loss and the optimizer.</source>
        <translation>除损失函数和优化器之外的运行设置。</translation>
    </message>
    <message>
        <source>The window&apos;s pace: at most this many training steps a second, to watch the network learn (0: as fast as possible). layerlab-cli always trains at full speed.</source>
        <translation>窗口中的训练速度：每秒最多这么多训练步，便于观察网络学习（0：尽可能快）。layerlab-cli 始终全速训练。</translation>
    </message>
    <message>
        <source>Time series: how many values after the window the network predicts.</source>
        <translation>时间序列：网络预测窗口之后的多少个值。</translation>
    </message>
    <message>
        <source>Tokens seen fewer times than this in the training split become &lt;unk&gt;.</source>
        <translation>在训练集中出现次数少于此值的词元变为 &lt;unk&gt;。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Turns each training image by a random angle of up to this many degrees either way.</source>
        <translation>把每张训练图像随机旋转一个角度，向左或向右最多这么多度。</translation>
    </message>
    <message>
        <source>Units of the hidden state h carried from step to step</source>
        <translation>在步与步之间传递的隐藏状态 h 的单元数</translation>
    </message>
    <message>
        <source>Upsample: enlarges each image by repeating every pixel as an s×s block, [N, C, H, W] → [N, C, H·s, W·s]; a generator&apos;s way back up to full size.</source>
        <translation>Upsample：把每个像素重复成 s×s 的块来放大每张图像，[N, C, H, W] → [N, C, H·s, W·s]；生成器借此回到完整尺寸。</translation>
    </message>
    <message>
        <source>Very negative inputs give −alpha; 1 makes the curve smooth at zero</source>
        <translation>很负的输入得到 −alpha；取 1 时曲线在零处平滑</translation>
    </message>
    <message>
        <source>Wasserstein-GP&apos;s λ: how strongly D&apos;s gradient norm is held at 1 between real and fake samples.</source>
        <translation>Wasserstein-GP 的 λ：在真实样本与假样本之间把 D 的梯度范数约束在 1 的力度。</translation>
    </message>
    <message>
        <source>Weakens or strengthens each training image&apos;s contrast: its pixels move away from or towards their mean by a random factor within 1 ± this.</source>
        <translation>减弱或增强每张训练图像的对比度：像素按 1 ± 此值范围内的随机因子远离或靠近其均值。</translation>
    </message>
    <message>
        <source>Where a project&apos;s data comes from and how it is split and scaled.</source>
        <translation>项目数据的来源，以及如何划分和缩放。</translation>
    </message>
    <message>
        <source>Which language is this word: how many words each language gives, the same for all.</source>
        <translation>“这个词是哪种语言”：每种语言提供多少个词，各语言相同。</translation>
    </message>
    <message>
        <source>Zeros added on every side when padding is explicit</source>
        <translation>padding 为 explicit 时每一边补零的个数</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>affine</source>
        <translation>仿射变换</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>alpha</translation>
    </message>
    <message>
        <source>amsgrad</source>
        <translation>amsgrad</translation>
    </message>
    <message>
        <source>augment.brightness</source>
        <translation>增强：亮度</translation>
    </message>
    <message>
        <source>augment.contrast</source>
        <translation>增强：对比度</translation>
    </message>
    <message>
        <source>augment.crop padding</source>
        <translation>增强：裁剪填充</translation>
    </message>
    <message>
        <source>augment.flip horizontal</source>
        <translation>增强：水平翻转</translation>
    </message>
    <message>
        <source>augment.flip vertical</source>
        <translation>增强：垂直翻转</translation>
    </message>
    <message>
        <source>augment.rotation</source>
        <translation>增强：旋转</translation>
    </message>
    <message>
        <source>augment.shift</source>
        <translation>增强：平移</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>轴</translation>
    </message>
    <message>
        <source>batch mode</source>
        <translation>批次模式</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <source>beta</source>
        <translation>beta</translation>
    </message>
    <message>
        <source>beta1</source>
        <translation>beta1</translation>
    </message>
    <message>
        <source>beta2</source>
        <translation>beta2</translation>
    </message>
    <message>
        <source>bidirectional</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>causal</source>
        <translation>因果</translation>
    </message>
    <message>
        <source>centered</source>
        <translation>中心化</translation>
    </message>
    <message>
        <source>clip norm</source>
        <translation>梯度裁剪范数</translation>
    </message>
    <message>
        <source>count include pad</source>
        <translation>计入填充</translation>
    </message>
    <message>
        <source>d steps</source>
        <translation>D 步数</translation>
    </message>
    <message>
        <source>dampening</source>
        <translation>阻尼</translation>
    </message>
    <message>
        <source>dilation</source>
        <translation>膨胀率</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>Dropout 比例</translation>
    </message>
    <message>
        <source>early stopping patience</source>
        <translation>早停耐心轮数</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>eps</source>
        <translation>eps</translation>
    </message>
    <message>
        <source>filters</source>
        <translation>滤波器数</translation>
    </message>
    <message>
        <source>gradient penalty</source>
        <translation>梯度惩罚</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>分组数</translation>
    </message>
    <message>
        <source>heads</source>
        <translation>头数</translation>
    </message>
    <message>
        <source>hidden size</source>
        <translation>隐藏状态大小</translation>
    </message>
    <message>
        <source>horizon</source>
        <translation>预测长度</translation>
    </message>
    <message>
        <source>image resize</source>
        <translation>图像缩放方式</translation>
    </message>
    <message>
        <source>init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>initial accumulator value</source>
        <translation>累加器初始值</translation>
    </message>
    <message>
        <source>k: how many discriminator steps come before each generator step.</source>
        <translation>k：每个生成器步之前进行多少个判别器步。</translation>
    </message>
    <message>
        <source>kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>l1</source>
        <translation>L1 正则化</translation>
    </message>
    <message>
        <source>l2</source>
        <translation>L2 正则化</translation>
    </message>
    <message>
        <source>label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>lr decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>max length</source>
        <translation>最大长度</translation>
    </message>
    <message>
        <source>max vocabulary</source>
        <translation>最大词表大小</translation>
    </message>
    <message>
        <source>mean: the average over the sample&apos;s real steps; last: its last real step. Connect the token ids as a second input to skip the padding</source>
        <translation>mean：样本各真实步的平均；last：样本的最后一个真实步。把词元 id 作为第二个输入连上即可跳过填充</translation>
    </message>
    <message>
        <source>min count</source>
        <translation>最少出现次数</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>negative slope</source>
        <translation>负斜率</translation>
    </message>
    <message>
        <source>nesterov</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>normalized dims</source>
        <translation>归一化维数</translation>
    </message>
    <message>
        <source>output padding</source>
        <translation>输出填充</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>padding index</source>
        <translation>填充索引</translation>
    </message>
    <message>
        <source>padding size</source>
        <translation>填充大小</translation>
    </message>
    <message>
        <source>parts</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>丢弃率</translation>
    </message>
    <message>
        <source>return sequences</source>
        <translation>返回序列</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>scale factor</source>
        <translation>放大倍数</translation>
    </message>
    <message>
        <source>scaling</source>
        <translation>缩放方式</translation>
    </message>
    <message>
        <source>schedule.gamma</source>
        <translation>学习率调度：gamma</translation>
    </message>
    <message>
        <source>schedule.kind</source>
        <translation>学习率调度：类型</translation>
    </message>
    <message>
        <source>schedule.min lr</source>
        <translation>学习率调度：最小学习率</translation>
    </message>
    <message>
        <source>schedule.step size</source>
        <translation>学习率调度：间隔轮数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>shuffle</source>
        <translation>打乱</translation>
    </message>
    <message>
        <source>sinusoidal: Vaswani et al.&apos;s fixed sines and cosines; learned: one trained vector per position</source>
        <translation>sinusoidal：Vaswani 等人提出的固定正弦和余弦；learned：每个位置一个可训练的向量</translation>
    </message>
    <message>
        <source>steps per second</source>
        <translation>每秒步数</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>test split</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>use bias</source>
        <translation>使用偏置</translation>
    </message>
    <message>
        <source>valid: no padding, the image shrinks by kernel_size − 1; same: zeros around the image keep its size (stride 1); explicit: padding_size zeros on every side</source>
        <translation>valid：不填充，图像缩小 kernel_size − 1；same：在图像周围补零以保持尺寸（步幅为 1 时）；explicit：每一边补 padding_size 个零</translation>
    </message>
    <message>
        <source>validation split</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>vocabulary size</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>words per language</source>
        <translation>每种语言词数</translation>
    </message>
    <message>
        <source>zero centred penalty</source>
        <translation>零中心惩罚</translation>
    </message>
</context>
</TS>
